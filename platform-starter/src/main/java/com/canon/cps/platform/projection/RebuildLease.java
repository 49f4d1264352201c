package com.canon.cps.platform.projection;

import com.canon.cps.platform.projection.RebuildStore.Status;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;

/**
 * This instance's claim on rebuilds: one instance runs a given rebuild at a time. The owner proves it is alive with
 * each heartbeat; another instance takes a rebuild over once its heartbeat is older than the timeout, and the owner
 * takes its own back after a restart.
 */
final class RebuildLease {

    private final RebuildStore store;
    private final String owner;
    private final Duration timeout;

    RebuildLease(RebuildStore store, String owner, Duration timeout) {
        this.store = store;
        this.owner = owner;
        this.timeout = timeout;
    }

    String owner() {
        return owner;
    }

    boolean isOurs(RebuildStore.Row row) {
        return owner.equals(row.owner());
    }

    /**
     * Records progress and proves this instance still owns the rebuild; false when it does not (cancelled or taken
     * over), and the run must stop.
     */
    boolean heartbeat(String name, Status status, TrackingToken token, long processed, long total) {
        return store.heartbeat(name, owner, status, token, processed, total);
    }

    /** Whether this instance still owns the running rebuild of {@code name}. */
    boolean owns(String name) {
        return store.ownsRunning(name, owner);
    }

    /** Running rebuilds this instance owned before a restart, or whose owner stopped reporting. */
    List<String> claimable() {
        return store.claimable(owner, timeout);
    }

    /** Takes the rebuild of {@code name} over, if it is still claimable. */
    boolean claim(String name) {
        return store.claim(name, owner, timeout);
    }
}
