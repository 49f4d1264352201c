package com.canon.cps.platform.publishing;

import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.eventstore.TraceContext;
import com.canon.cps.platform.observability.EventAgeMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.SubscribableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The publisher of {@code cps.publisher.mode=table} (docs/adr/0026): one thread that reads the event table itself,
 * a batch at a time in global index order ({@link EventTableReader}, gap-aware), hands every record of the batch to
 * the producer ({@link ContractEventPublisher#send}: the same mapping, record, headers and spans as the processor
 * mode), waits until the broker acknowledged all of them, and only then stores the position past the batch. While
 * the broker acknowledges a full batch the next one is read (not sent) already.
 *
 * <p>The position is the token of processor {@code kafka-publisher}, segment 0, in Axon's token store, claimed as a
 * processor claims it: only the instance holding the claim publishes (the claim is extended with every stored
 * position and every {@value #CLAIM_EXTENSION_MS} ms when idle; another instance takes it over when it has not been
 * extended for the token store's claim timeout). The two modes therefore share one position and can be switched.
 *
 * <p>It is registered as the Axon event processor of the processing group (a {@link Lifecycle}), so it starts and
 * stops with Axon and
 * {@code EventProcessingConfiguration.eventProcessor("kafka-publisher")} finds it. It is not a streaming
 * processor: the processors' operator API and dead-letter queues (which the publisher never had) leave it out; it
 * runs no handler interceptors: it records {@code cps.events.age} through the age interceptor registered for it, and
 * each record's producer span is a child of the span that appended its event.
 *
 * <p>A failure (broker, database, a mapper) fails the batch: nothing of it counts as published, the position stays,
 * and after a back-off (0.5 s doubling to 30 s) the batch is read and sent again; its records may reach the topic
 * twice, with the same {@code ce_id}, which consumers deduplicate.
 */
final class TablePublisher implements EventProcessor, Lifecycle {

    static final int SEGMENT = 0;
    static final long CLAIM_EXTENSION_MS = 2_000;
    static final long CLAIM_RETRY_MS = 2_000;
    private static final long BACK_OFF_INITIAL_MS = 500;
    private static final long BACK_OFF_MAX_MS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(TablePublisher.class);

    private final String name;
    private final Source table;
    private final ContractEventPublisher publisher;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final SubscribableMessageSource<EventMessage<?>> commits;
    private final int batchSize;
    private final long pollIntervalMs;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new CopyOnWriteArrayList<>();

    private final Object wakeUp = new Object();
    private boolean woken; // guarded by wakeUp
    private volatile boolean running;
    private volatile boolean error;
    private volatile Thread worker;
    private volatile Registration subscription;
    private volatile long position = -1;

    TablePublisher(
            String name,
            Source table,
            ContractEventPublisher publisher,
            TokenStore tokens,
            TransactionManager transactions,
            SubscribableMessageSource<EventMessage<?>> commits,
            MeterRegistry meters,
            int batchSize,
            Duration pollInterval) {
        this.name = name;
        this.table = table;
        this.publisher = publisher;
        this.tokens = tokens;
        this.transactions = transactions;
        this.commits = commits;
        this.batchSize = batchSize;
        this.pollIntervalMs = Math.max(1, pollInterval.toMillis());
        if (meters != null) {
            Gauge.builder("cps.processor.lag", this, TablePublisher::lag)
                    .description("Events in the store not yet handled by the processor")
                    .tag("processor", name)
                    .register(meters);
        }
    }

    /** Where the publisher reads: the event table ({@link EventTableReader}). */
    interface Source {
        /** Up to {@code max} rows after {@code token}, as {@link EventTableReader#read}. */
        EventTableReader.Batch read(TrackingToken token, int max);

        /** The position of the newest row. */
        TrackingToken createHeadToken();

        /** The event table itself. */
        static Source of(EventTableReader reader) {
            return new Source() {
                @Override
                public EventTableReader.Batch read(TrackingToken token, int max) {
                    return reader.read(token, max);
                }

                @Override
                public TrackingToken createHeadToken() {
                    return reader.createHeadToken();
                }
            };
        }
    }

    @Override
    public String getName() {
        return name;
    }

    /** Starts and stops with Axon, in the phase Axon's own processors use. */
    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, this::start);
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutDown);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        error = false;
        subscription = commits.subscribe(this::appended);
        Thread thread = new Thread(this::run, name + "-table-publisher");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void shutDown() {
        running = false;
        Registration registration = subscription;
        if (registration != null) {
            registration.cancel();
            subscription = null;
        }
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        wake();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isError() {
        return error;
    }

    @Override
    public List<MessageHandlerInterceptor<? super EventMessage<?>>> getHandlerInterceptors() {
        return List.copyOf(interceptors);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        interceptors.add(interceptor);
        return () -> interceptors.remove(interceptor);
    }

    /** Events in the table after the stored position (0 while it is not known). */
    long lag() {
        long at = position;
        if (at < 0) {
            return 0;
        }
        TrackingToken head = table.createHeadToken();
        return head == null ? 0 : Math.max(0, head.position().orElse(0) - at);
    }

    private void run() {
        TrackingToken token = null;
        boolean claimed = false;
        EventTableReader.Batch ahead = null;
        long lastClaimed = 0;
        long backOff = BACK_OFF_INITIAL_MS;
        while (running) {
            try {
                if (!claimed) {
                    token = claim();
                    claimed = true;
                    lastClaimed = System.nanoTime();
                    position = token == null ? 0 : token.position().orElse(0);
                }
                EventTableReader.Batch batch = ahead != null ? ahead : table.read(token, batchSize);
                ahead = null;
                if (batch.rows() == 0) {
                    if (System.nanoTime() - lastClaimed > TimeUnit.MILLISECONDS.toNanos(CLAIM_EXTENSION_MS)) {
                        transactions.executeInTransaction(() -> tokens.extendClaim(name, SEGMENT));
                        lastClaimed = System.nanoTime();
                    }
                    error = false;
                    backOff = BACK_OFF_INITIAL_MS;
                    idle(pollIntervalMs);
                    continue;
                }
                List<ContractEventPublisher.Pending> sent = send(batch.events());
                TrackingToken next = batch.last();
                if (batch.rows() >= batchSize) {
                    // read the next batch while the broker acknowledges this one; it is sent only after
                    ahead = table.read(next, batchSize);
                }
                publisher.awaitAll(sent);
                transactions.executeInTransaction(() -> tokens.storeToken(next, name, SEGMENT));
                recordAges(batch.events());
                token = next;
                lastClaimed = System.nanoTime();
                position = next.position().orElse(position);
                error = false;
                backOff = BACK_OFF_INITIAL_MS;
            } catch (UnableToClaimTokenException e) {
                // another instance publishes; take over when its claim expires
                log.debug("{}: the position is claimed by another instance ({})", name, e.getMessage());
                claimed = false;
                idle(CLAIM_RETRY_MS);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                error = true;
                claimed = false; // read the position again from the store before the retry
                ahead = null;
                log.warn("{}: publishing failed, retrying in {} ms: {}", name, backOff, e.toString());
                idle(backOff);
                backOff = Math.min(BACK_OFF_MAX_MS, backOff * 2);
            }
        }
        release(claimed);
    }

    /** {@code cps.events.age} of the published events (the metric interceptor registered for every processor). */
    private void recordAges(List<TrackedEventMessage<?>> events) {
        for (MessageHandlerInterceptor<? super EventMessage<?>> interceptor : interceptors) {
            if (interceptor instanceof EventAgeMetrics ages) {
                events.forEach(ages::handled);
            }
        }
    }

    /** The stored position, claimed for this instance (created, before the first event, on the first start). */
    private TrackingToken claim() {
        return transactions.fetchInTransaction(() -> {
            if (tokens.fetchSegments(name).length == 0) {
                tokens.initializeTokenSegments(name, 1, null);
            }
            return tokens.fetchToken(name, SEGMENT);
        });
    }

    private void release(boolean claimed) {
        if (!claimed) {
            return;
        }
        try {
            transactions.executeInTransaction(() -> tokens.releaseClaim(name, SEGMENT));
        } catch (RuntimeException e) {
            log.debug("{}: releasing the claim failed, it expires instead: {}", name, e.toString());
        }
    }

    /**
     * Sends every record of the batch in order, each in its event's trace: the producer span is a child of the span
     * that appended the event (the processor mode has a consumer span of the publisher between them; here it would
     * cost a seventh of the publisher's time per event and say nothing the producer span does not).
     */
    private List<ContractEventPublisher.Pending> send(List<TrackedEventMessage<?>> events) {
        List<ContractEventPublisher.Pending> sent = new ArrayList<>(events.size());
        for (TrackedEventMessage<?> event : events) {
            ContractEventPublisher.Pending pending = TraceContext.inTrace(
                    traceparent(event.getMetaData().get(TraceContext.METADATA_KEY)), () -> publisher.send(event));
            if (pending != null) {
                sent.add(pending);
            }
        }
        return sent;
    }

    /** Wakes the publisher once the transaction that appended {@code events} has committed. */
    private void appended(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> wake());
        } else {
            wake();
        }
    }

    private void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void idle(long millis) {
        synchronized (wakeUp) {
            try {
                if (!woken && running) {
                    wakeUp.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                woken = false;
            }
        }
    }

    /** The stored {@code traceparent}; {@code inTrace} checks it (and ignores one that is not valid). */
    private static String traceparent(Object value) {
        return value instanceof String s ? s : null;
    }
}
