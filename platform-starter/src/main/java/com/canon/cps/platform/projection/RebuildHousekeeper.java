package com.canon.cps.platform.projection;

import com.canon.cps.platform.projection.RebuildStore.Row;
import com.canon.cps.platform.projection.RebuildStore.Status;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link ProjectionProperties#housekeepingInterval()}: resumes the rebuilds this instance may claim (its own
 * after a restart, those of an owner that stopped reporting) and drops the collections no longer needed (the old
 * version once {@link ProjectionProperties#dropDelay()} has passed after a switch, the half-built one of a cancelled
 * or failed rebuild).
 */
final class RebuildHousekeeper {

    private static final Logger log = LoggerFactory.getLogger(RebuildHousekeeper.class);

    private final RebuildStore store;
    private final RebuildLease lease;
    private final RebuildRuns runs;
    private final Projections projections;
    private final ProjectionProperties properties;
    private ScheduledExecutorService scheduler;

    RebuildHousekeeper(
            RebuildStore store,
            RebuildLease lease,
            RebuildRuns runs,
            Projections projections,
            ProjectionProperties properties) {
        this.store = store;
        this.lease = lease;
        this.runs = runs;
        this.projections = projections;
        this.properties = properties;
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = properties.housekeepingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::housekeeping, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    void housekeeping() {
        try {
            resume();
            cleanUp();
        } catch (RuntimeException e) {
            log.warn("Projection housekeeping failed; trying again in {}", properties.housekeepingInterval(), e);
        }
    }

    private void resume() {
        for (String name : lease.claimable()) {
            if (projections.find(name).isEmpty() || runs.isRunning(name)) {
                continue;
            }
            if (lease.claim(name)) {
                Row row = store.row(name).orElseThrow();
                log.info(
                        "Projection {}: resuming the rebuild of version {} at position {}",
                        name,
                        row.toVersion(),
                        row.position());
                runs.launch(row);
            }
        }
    }

    private void cleanUp() {
        for (Row row : store.leftovers(properties.dropDelay())) {
            if (projections.find(row.name()).isEmpty() || runs.isRunning(row.name())) {
                continue;
            }
            if (row.status() == Status.SWITCHED) {
                projections.drop(row.name(), row.fromVersion());
                store.cleaned(row.name(), row.toVersion());
            } else {
                runs.dropTarget(row);
            }
        }
    }
}
