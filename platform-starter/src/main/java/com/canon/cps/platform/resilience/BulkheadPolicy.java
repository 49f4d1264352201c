package com.canon.cps.platform.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Concurrent calls of a port ({@code <port>.bulkhead.*}); a call waits at most {@code maxWait} for a free slot.
 *
 * @param maxConcurrentCalls calls in flight at once
 * @param maxWait longest wait for a free slot before the call is refused
 */
public record BulkheadPolicy(
        @DefaultValue("10") int maxConcurrentCalls,
        @DefaultValue("500ms") Duration maxWait) {

    public BulkheadPolicy {
        if (maxConcurrentCalls < 0) {
            throw new IllegalArgumentException("bulkhead.max-concurrent-calls is not negative");
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("bulkhead.max-wait is not negative");
        }
    }
}
