package com.canon.cps.portal.client;

import com.canon.cps.portal.session.PortalSession;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A page's reads of different services made at the same time instead of one after the other, within a scope that
 * ends only when every read it started has ended: no read outlives the request whose session and address it uses.
 *
 * <pre>{@code
 * try (Reads.Scope reads = this.reads.scope()) {
 *     Reads.Pending<Points> points = reads.start(this::pointsOrNothing);
 *     model.addAttribute("products", products.products()); // meanwhile, on this thread
 *     model.addAttribute("points", points.get());
 * }
 * }</pre>
 */
@Component
public class Reads {

    private final PortalSession session;
    private final ExecutorService workers;

    public Reads(PortalSession session) {
        this.session = session;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "portal-read-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Scope scope() {
        // a token about to expire is refreshed here, once, not by two reads at the same moment
        session.accessToken();
        return new Scope(RequestContextHolder.currentRequestAttributes());
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The reads of one request. */
    public final class Scope implements AutoCloseable {

        private final RequestAttributes request;
        private final List<CompletableFuture<?>> started = new ArrayList<>();

        private Scope(RequestAttributes request) {
            this.request = request;
        }

        /** Starts {@code read} on another thread, as this request (its session, its client's address). */
        public <T> Pending<T> start(Supplier<T> read) {
            CompletableFuture<T> future = CompletableFuture.supplyAsync(
                    () -> {
                        RequestContextHolder.setRequestAttributes(request);
                        try {
                            return read.get();
                        } finally {
                            RequestContextHolder.resetRequestAttributes();
                        }
                    },
                    workers);
            started.add(future);
            return new Pending<>(future);
        }

        /** Waits for every read started, whether or not its answer was asked for. */
        @Override
        public void close() {
            for (CompletableFuture<?> read : started) {
                try {
                    read.join();
                } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
                    // its failure reached whoever asked for it; nobody did, so it has no one to tell
                }
            }
        }
    }

    /** A read under way. */
    public record Pending<T>(CompletableFuture<T> future) {

        /** Its answer, or what it threw (e.g. {@link ServiceUnavailable}, {@link ApiProblem}) as it threw it. */
        public T get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                throw e;
            }
        }
    }
}
