package com.canon.cps.platform.eventstore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store whose streams tell a pooled streaming processor when events are there, instead of
 * leaving it to look every 500 ms.
 *
 * <p>A pooled processor asks its stream for an availability callback; Axon's embedded store offers none, so the
 * processor's coordinator falls back to polling twice a second. Each event crossing a service waited 250 ms on
 * average at every processor on its way (the publisher of one service, the projection or process handler of the
 * next): measured here as 1.1-1.6 s per cross-service hop of a journey. These streams run the callback right after
 * a commit in this process, and every {@link #WAKE_UP_FALLBACK_MS} ms for events another instance of the service
 * appended (what the processors did before, so nothing waits longer than it used to).
 */
public class WakingEventStore extends EmbeddedEventStore {

    /** How often the streams are woken without a local commit: for the events other instances append. */
    static final long WAKE_UP_FALLBACK_MS = 500;

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService fallback = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-store-wake-up");
        t.setDaemon(true);
        return t;
    });

    public WakingEventStore(Builder builder) {
        super(builder);
        fallback.scheduleWithFixedDelay(this::wakeUp, WAKE_UP_FALLBACK_MS, WAKE_UP_FALLBACK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        wakeUp();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new WakingStream(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        fallback.shutdownNow();
        super.shutDown();
    }

    private void wakeUp() {
        callbacks.forEach(Runnable::run);
    }

    private final class WakingStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private WakingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
