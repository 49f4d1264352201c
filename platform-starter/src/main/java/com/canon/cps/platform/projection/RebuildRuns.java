package com.canon.cps.platform.projection;

import com.canon.cps.platform.projection.ProjectionRebuilds.RebuildStatus;
import com.canon.cps.platform.projection.RebuildStore.Row;
import com.canon.cps.platform.projection.RebuildStore.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild runs of this instance (one thread each, at most one per projection) and what a run reports back: its
 * progress, its loss of the claim, its failure, and the switch to the rebuilt version at the head.
 */
final class RebuildRuns {

    private static final Logger log = LoggerFactory.getLogger(RebuildRuns.class);

    private final RebuildRun.Factory factory;
    private final RebuildStore store;
    private final RebuildLease lease;
    private final RebuildMetrics metrics;
    private final Projections projections;
    private final TransactionTemplate transactions;
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    RebuildRuns(
            RebuildRun.Factory factory,
            RebuildStore store,
            RebuildLease lease,
            RebuildMetrics metrics,
            Projections projections,
            TransactionTemplate transactions) {
        this.factory = factory;
        this.store = store;
        this.lease = lease;
        this.metrics = metrics;
        this.projections = projections;
        this.transactions = transactions;
    }

    void launch(Row row) {
        RebuildRun run = factory.create(row, this);
        if (running.putIfAbsent(row.name(), run) != null) {
            return;
        }
        workers.execute(() -> {
            Thread.currentThread().setName("projection-rebuild-" + row.name());
            try {
                run.run();
            } finally {
                running.remove(row.name(), run);
            }
        });
    }

    boolean isRunning(String name) {
        return running.containsKey(name);
    }

    /** What {@code row} says, with the live figures of this instance's run of it, if any. */
    RebuildStatus status(Row row) {
        RebuildRun run = running.get(row.name());
        RebuildStatus status = run != null && row.status().active() ? run.status(row) : RebuildRun.stored(row);
        metrics.record(row.name(), status);
        return status;
    }

    /** Stops this instance's run of {@code name}, if any, and waits for its last write. */
    void stop(String name, Duration timeout) {
        Optional.ofNullable(running.get(name)).ifPresent(run -> {
            run.stop();
            run.await(timeout);
        });
    }

    /** Stops every run without cancelling it: they stay RUNNING and are resumed. */
    void stopAll(Duration timeout) {
        running.values().forEach(RebuildRun::stop);
        running.values().forEach(run -> run.await(timeout));
        workers.shutdownNow();
    }

    /** The half-built version of {@code row} goes. */
    void dropTarget(Row row) {
        projections.drop(row.name(), row.toVersion());
        store.cleaned(row.name(), row.toVersion());
    }

    // ---- what a run reports ----------------------------------------------------------------------------------------

    boolean heartbeat(String name, Status status, TrackingToken token, long processed, long total) {
        return lease.heartbeat(name, status, token, processed, total);
    }

    boolean owns(String name) {
        return lease.owns(name);
    }

    void progress(String name, RebuildStatus status) {
        metrics.record(name, status);
    }

    /** The run lost its claim; if that was a cancellation, its half-built version goes (after its last write). */
    void stopped(String name) {
        store.row(name).filter(r -> r.status() == Status.CANCELLED).ifPresent(this::dropTarget);
    }

    void failed(String name, Exception e) {
        log.error("Projection {}: rebuild failed", name, e);
        try {
            if (store.failed(name, lease.owner(), String.valueOf(e.getMessage()))) {
                store.row(name).ifPresent(this::dropTarget);
            }
        } catch (RuntimeException stillFailing) {
            // the database is away: the row stays RUNNING, and the rebuild resumes once it is back
            log.warn("Projection {}: could not record the failure; the rebuild will be resumed", name, stillFailing);
        }
    }

    /**
     * Switches to the rebuilt version in one transaction: locks the version row (waiting for live batches that write
     * into the old version to commit; later ones wait for the switch), lets {@code catchUp} apply the rest of the
     * event table up to its head, then makes the new version active. False when the rebuild is no longer this
     * instance's to switch.
     */
    boolean switchOver(String name, int toVersion, SwitchWork catchUp) {
        Boolean switched = transactions.execute(tx -> {
            store.lockVersions(name);
            Optional<Row> current = store.lockedRow(name);
            if (current.isEmpty() || !current.get().status().active() || !lease.isOurs(current.get())) {
                return false;
            }
            SwitchWork.Result result;
            try {
                result = catchUp.applyUpTo(factory.reader().head());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Catching up to the head failed", e);
            }
            store.activateVersion(name, toVersion);
            store.switched(name, result.token(), result.processed());
            return true;
        });
        if (Boolean.TRUE.equals(switched)) {
            projections.activated(name, toVersion);
            log.info("Projection {}: switched to version {}", name, toVersion);
        }
        return Boolean.TRUE.equals(switched);
    }

    /** What the switch runs under its lock. */
    interface SwitchWork {
        record Result(TrackingToken token, long processed) {}

        Result applyUpTo(long head) throws Exception;
    }
}
