package com.canon.cps.platform.projection;

import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.projection.ProjectionRebuilds.RebuildStatus;
import com.canon.cps.platform.projection.RebuildStore.Row;
import com.canon.cps.platform.projection.RebuildStore.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One run of a rebuild on this instance: reads the event table in batches from the stored position, hands each event
 * to the projection's handler beans through Axon's {@link AnnotationEventHandlerAdapter} (the very handler methods
 * the live processor calls, with the same parameter resolution, so {@code @SequenceNumber} works), collects their
 * writes into the new version's bulk upserts, and records the position after each batch. Near the head it asks
 * {@link RebuildRuns#switchOver} to finish under the switch lock.
 *
 * <p>No unit of work and no other handler is involved: a rebuild has no side effects beyond the new collections.
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

    private static final long RECOUNT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Everything a run needs that does not change between runs. */
    record Factory(
            EventTableReader reader,
            MongoTemplate mongo,
            Projections projections,
            ParameterResolverFactory parameterResolvers,
            Function<Class<?>, HandlerDefinition> handlerDefinitions,
            int batchSize) {

        RebuildRun create(Row row, RebuildRuns runs) {
            return new RebuildRun(this, row, runs);
        }
    }

    private final Factory factory;
    private final Row row;
    private final RebuildRuns runs;
    private final Projections.Definition projection;
    private final CountDownLatch done = new CountDownLatch(1);
    /** documents written by this run, shared by its batches (see {@link BulkUpserts}) */
    private final java.util.Set<String> written = new java.util.HashSet<>();
    /** writes batch n while batch n + 1 is read and handled: the read store and this thread work at the same time */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild-writer");
        t.setDaemon(true);
        return t;
    });

    private final Map<Class<?>, List<AnnotationEventHandlerAdapter>> handlersByType = new HashMap<>();
    private final long startedNanos = System.nanoTime();
    private final long processedAtStart;
    private final int batchSize;
    private List<AnnotationEventHandlerAdapter> handlers;
    private volatile boolean stopRequested;
    private volatile long processed;
    private volatile long total;
    private volatile Status status;
    /** everything up to here is written */
    private TrackingToken token;
    /** everything up to here is handled (and written, or being written) */
    private TrackingToken readToken;

    private Future<Integer> inFlight;
    private TrackingToken inFlightToken;
    private int inFlightRows;
    private long readNanos;
    private long handleNanos;
    private long writeNanos;
    private long writes;

    private RebuildRun(Factory factory, Row row, RebuildRuns runs) {
        this.factory = factory;
        this.row = row;
        this.runs = runs;
        this.projection = factory.projections().find(row.name()).orElseThrow();
        this.processedAtStart = row.processed();
        this.processed = row.processed();
        this.total = row.total();
        this.status = row.status();
        this.token = row.token();
        this.readToken = token;
        // a limited rate reads about ten batches a second, so the limit holds smoothly
        this.batchSize = row.maxRate() == null
                ? factory.batchSize()
                : Math.max(1, Math.min(factory.batchSize(), row.maxRate() / 10));
    }

    @Override
    public void run() {
        try {
            // also when resuming another instance's rebuild: its collections may not exist here yet (idempotent)
            factory.projections().ensureIndexes(row.name(), row.toVersion());
            handlers = projection.handlers().stream()
                    .map(bean -> new AnnotationEventHandlerAdapter(
                            bean,
                            factory.parameterResolvers(),
                            factory.handlerDefinitions().apply(AopUtils.getTargetClass(bean))))
                    .toList();
            long countedAt = System.nanoTime();
            while (!stopRequested) {
                EventTableReader.Batch batch = read(batchSize);
                apply(batch);
                throttle();
                if (System.nanoTime() - countedAt > RECOUNT_NANOS) {
                    total = processed + remaining();
                    countedAt = System.nanoTime();
                }
                total = Math.max(total, processed);
                // a short batch may only mean a window of rolled-back indexes; the head decides
                boolean atHead = batch.rows() < batchSize && position(readToken) >= head();
                if (atHead) {
                    awaitWrite();
                }
                status = atHead ? Status.CAUGHT_UP : Status.RUNNING;
                if (!runs.heartbeat(row.name(), status, token, processed, total)) {
                    runs.stopped(row.name());
                    return;
                }
                runs.progress(row.name(), status(row));
                if (atHead) {
                    break;
                }
            }
            if (stopRequested) {
                return;
            }
            boolean switched = runs.switchOver(row.name(), row.toVersion(), head -> {
                while (position(readToken) < head && !stopRequested) {
                    EventTableReader.Batch batch = read(factory.batchSize());
                    if (batch.rows() == 0) {
                        break;
                    }
                    apply(batch);
                }
                awaitWrite();
                if (stopRequested) {
                    // rolls the switch back; the rebuild stays CAUGHT_UP and is resumed
                    throw new IllegalStateException("Stopped before the switch");
                }
                total = processed;
                return new RebuildRuns.SwitchWork.Result(token, processed);
            });
            if (switched) {
                status = Status.SWITCHED;
                log.info(
                        "Projection {}: {} events in {} s (reading {} s, handlers {} s, {} writes {} s)",
                        row.name(),
                        processed - processedAtStart,
                        seconds(System.nanoTime() - startedNanos),
                        seconds(readNanos),
                        seconds(handleNanos),
                        writes,
                        seconds(writeNanos));
            } else {
                runs.stopped(row.name());
            }
        } catch (ClaimLost e) {
            runs.stopped(row.name());
        } catch (Exception e) {
            if (!stopRequested) {
                runs.failed(row.name(), e);
            }
        } finally {
            // nothing of this run may be written after it ended (a cancel drops the collections then)
            try {
                awaitWrite();
            } catch (Exception ignored) {
                // already reported, or the run is stopping anyway
            }
            writer.shutdownNow();
            done.countDown();
        }
    }

    private EventTableReader.Batch read(int max) {
        long start = System.nanoTime();
        EventTableReader.Batch batch = factory.reader().read(readToken, max);
        readNanos += System.nanoTime() - start;
        return batch;
    }

    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }

    /**
     * Runs the batch through the handlers into the new version and hands its writes to the writer, once the writes
     * of the previous batch are done (so each document still sees its updates in order).
     */
    private void apply(EventTableReader.Batch batch) throws Exception {
        if (batch.rows() == 0) {
            return;
        }
        long start = System.nanoTime();
        BulkUpserts bulk = new BulkUpserts(written);
        ProjectionWriter.rebuilding(
                projection, row.toVersion(), bulk, () -> batch.events().forEach(this::dispatch));
        handleNanos += System.nanoTime() - start;
        readToken = batch.last();
        awaitWrite();
        // checked just before writing: a run that lost its claim (cancelled, or taken over after a long stall) must
        // not write over its successor
        if (!runs.owns(row.name())) {
            throw new ClaimLost();
        }
        inFlightToken = batch.last();
        inFlightRows = batch.rows();
        inFlight = writer.submit(() -> {
            long writing = System.nanoTime();
            int operations = bulk.flush(factory.mongo());
            writeNanos += System.nanoTime() - writing;
            return operations;
        });
    }

    /** Waits for the batch being written; then its position counts as done. */
    private void awaitWrite() throws Exception {
        if (inFlight == null) {
            return;
        }
        Future<Integer> pending = inFlight;
        inFlight = null;
        try {
            writes += pending.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        token = inFlightToken;
        processed += inFlightRows;
    }

    /** Keeps the run at or below its maximum rate, if it has one. */
    private void throttle() throws InterruptedException {
        if (row.maxRate() == null) {
            return;
        }
        long due = (processed - processedAtStart) * 1_000_000_000L / row.maxRate();
        long ahead = due - (System.nanoTime() - startedNanos);
        while (ahead > 0 && !stopRequested) {
            long slice = Math.min(ahead, TimeUnit.MILLISECONDS.toNanos(100));
            TimeUnit.NANOSECONDS.sleep(slice);
            ahead -= slice;
        }
    }

    private void dispatch(EventMessage<?> event) {
        List<AnnotationEventHandlerAdapter> targets = handlersByType.computeIfAbsent(
                event.getPayloadType(),
                type -> handlers.stream().filter(h -> h.canHandleType(type)).toList());
        for (AnnotationEventHandlerAdapter handler : targets) {
            try {
                handler.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Handler of " + projection.name() + " failed on event " + event.getIdentifier(), e);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private long head() {
        return factory.reader().head();
    }

    private long remaining() {
        return factory.reader().countAfter(position(token));
    }

    void stop() {
        stopRequested = true;
    }

    void await(Duration timeout) {
        try {
            done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status as this run sees it (its rate counts the events of this run only, not those before a resume). */
    RebuildStatus status(Row stored) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : (processed - processedAtStart) / seconds;
        return status(stored, status, processed, total, rate);
    }

    /** The status as stored: the rate is the average from start to finish (or now). */
    static RebuildStatus stored(Row row) {
        Instant end = row.finishedAt() != null ? row.finishedAt() : Instant.now();
        double seconds = Duration.between(row.startedAt(), end).toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : row.processed() / seconds;
        return status(row, row.status(), row.processed(), row.total(), rate);
    }

    private static RebuildStatus status(Row row, Status status, long processed, long total, double rate) {
        String eta = null;
        if (status.active() && rate > 0) {
            eta = Duration.ofSeconds((long) Math.ceil(Math.max(0, total - processed) / rate))
                    .toString();
        }
        return new RebuildStatus(
                status.name(),
                processed,
                Math.max(total, processed),
                Math.round(rate * 10) / 10.0,
                eta,
                row.fromVersion(),
                row.toVersion(),
                row.startedAt(),
                row.finishedAt(),
                row.error());
    }

    /** This instance no longer owns the rebuild. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }
}
