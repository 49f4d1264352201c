package com.canon.cps.platform.projection;

import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.projection.RebuildStore.Row;
import com.canon.cps.platform.projection.RebuildStore.Status;
import com.canon.cps.platform.projection.RebuildStore.Versions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds of projections from the event store, without downtime (docs/adr/0011): the operators' actions.
 *
 * <p>A rebuild writes a new version of the projection's collections from the whole event table, invoking only the
 * projection's own handlers ({@link RebuildRun}), while the active version keeps serving reads and the live processor
 * keeps writing into it. At the head it switches: one row update makes the new version active; the old one is dropped
 * after {@link ProjectionProperties#dropDelay()}. State lives in {@code projection_rebuild} ({@link RebuildStore}): a
 * rebuild survives a restart (its owner resumes from the stored position) and the death of its owner (another
 * instance takes it over once the heartbeat is older than {@link ProjectionProperties#heartbeatTimeout()}, see
 * {@link RebuildLease} and {@link RebuildHousekeeper}); one instance runs a given rebuild at a time ({@link
 * RebuildRuns}). Refusals are {@link RebuildException}s.
 */
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** {@code GET /admin/projections/{name}/rebuild}. */
    public record RebuildStatus(
            String status,
            long processed,
            long total,
            double eventsPerSecond,
            String eta,
            int fromVersion,
            int toVersion,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    private final Projections projections;
    private final RebuildStore store;
    private final RebuildLease lease;
    private final RebuildRuns runs;
    private final RebuildHousekeeper housekeeper;
    private final RebuildMetrics metrics;
    private final EventTableReader events;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private volatile boolean started;

    ProjectionRebuilds(
            Projections projections,
            RebuildStore store,
            RebuildLease lease,
            RebuildRuns runs,
            RebuildHousekeeper housekeeper,
            RebuildMetrics metrics,
            EventTableReader events,
            TransactionTemplate transactions,
            ProjectionProperties properties) {
        this.projections = projections;
        this.store = store;
        this.lease = lease;
        this.runs = runs;
        this.housekeeper = housekeeper;
        this.metrics = metrics;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * Starts a rebuild of {@code name} into a new version.
     *
     * @param maxRate events per second at most (spares the event store and the read store), null = unlimited
     * @throws RebuildException.NotFound for anything not a projection
     * @throws RebuildException.Conflict if a rebuild runs, or the previous one switched moments ago
     * @throws RebuildException.InvalidRate for a rate below 1
     */
    public RebuildStatus start(String name, Integer maxRate) {
        if (maxRate != null && maxRate < 1) {
            throw new RebuildException.InvalidRate("must be at least 1 event per second");
        }
        Projections.Definition projection = definition(name);
        Row row = transactions.execute(tx -> {
            Versions versions = store.lockVersions(name);
            Optional<Row> current = store.lockedRow(name);
            if (current.isPresent() && current.get().status().active()) {
                throw new RebuildException.Conflict("A rebuild of " + name + " is already running (version "
                        + current.get().toVersion() + ")");
            }
            if (current.isPresent() && current.get().status() == Status.SWITCHED && store.settling(name)) {
                // its old version is still read by instances that have not noticed the switch yet, and is dropped
                // only after the delay; a new rebuild now would lose track of it
                throw new RebuildException.Conflict(
                        "The previous rebuild of " + name + " switched moments ago; try again in "
                                + properties.dropDelay().toSeconds() + " s");
            }
            current.filter(r -> !r.status().active() && r.status() != Status.SWITCHED)
                    .ifPresent(runs::dropTarget);
            int from = versions.active();
            int to = Math.max(from, versions.last()) + 1;
            store.reserveVersion(name, to);
            // a fresh, empty target with the views' indexes, before any run can see the rebuild (versions only grow,
            // so a leftover of that name is an aborted start at most)
            projections.drop(projection.name(), to);
            projections.ensureIndexes(projection.name(), to);
            return store.begin(name, from, to, events.count(), lease.owner(), maxRate);
        });
        log.info(
                "Projection {}: rebuild of version {} started (version {} serves reads)",
                name,
                row.toVersion(),
                row.fromVersion());
        runs.launch(row);
        return runs.status(row);
    }

    /**
     * The latest rebuild of {@code name}.
     *
     * @throws RebuildException.NotFound for an unknown projection or one never rebuilt
     */
    public RebuildStatus status(String name) {
        definition(name);
        return store.row(name).map(runs::status).orElseThrow(() -> neverRebuilt(name));
    }

    /** The latest rebuild of {@code name}, if any. */
    public Optional<RebuildStatus> latest(String name) {
        return store.row(name).map(runs::status);
    }

    /**
     * Cancels the running rebuild of {@code name}: the half-built version is dropped, the active one is untouched.
     *
     * @throws RebuildException.NotFound for an unknown projection or one never rebuilt
     * @throws RebuildException.Conflict when no rebuild is running (also when it has just switched)
     */
    public RebuildStatus cancel(String name) {
        definition(name);
        boolean cancelled = store.cancel(name);
        Row row = store.row(name).orElseThrow(() -> neverRebuilt(name));
        if (!cancelled) {
            throw new RebuildException.Conflict(
                    "No rebuild of " + name + " is running (the latest is " + row.status() + ")");
        }
        runs.stop(name, Duration.ofSeconds(30));
        runs.dropTarget(row);
        log.info("Projection {}: rebuild of version {} cancelled", name, row.toVersion());
        return runs.status(store.row(name).orElseThrow());
    }

    private Projections.Definition definition(String name) {
        return projections.find(name).orElseThrow(() -> new RebuildException.NotFound("No projection named " + name));
    }

    private static RebuildException.NotFound neverRebuilt(String name) {
        return new RebuildException.NotFound("Projection " + name + " was never rebuilt");
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        for (Projections.Definition projection : projections.all()) {
            metrics.register(projection.name());
            latest(projection.name()); // seeds the gauges
        }
        housekeeper.start();
        started = true;
    }

    /** Stops the runs without cancelling them: they stay RUNNING and this instance resumes them when it is back. */
    @Override
    public void stop() {
        started = false;
        housekeeper.stop();
        runs.stopAll(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Starts after, and stops before, the processors and the web server's requests drain. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
