package com.canon.cps.platform.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker of a port ({@code <port>.circuit-breaker.*}): count-based, it opens when at least
 * {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls failed.
 *
 * @param failureRateThreshold percentage of failed calls in {@code (0, 100]} that opens the breaker
 * @param slidingWindowSize calls the failure rate is taken over
 * @param minimumCalls calls before the failure rate counts
 * @param waitInOpen how long an open breaker refuses calls before it lets a few through again
 */
public record CircuitBreakerPolicy(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("30s") Duration waitInOpen) {

    public CircuitBreakerPolicy {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException("circuit-breaker.failure-rate-threshold is in (0, 100]");
        }
        if (slidingWindowSize < 1 || minimumCalls < 1) {
            throw new IllegalArgumentException("circuit-breaker.sliding-window-size and minimum-calls are at least 1");
        }
        if (waitInOpen == null || waitInOpen.toMillis() < 1) {
            throw new IllegalArgumentException("circuit-breaker.wait-in-open is at least 1ms");
        }
    }
}
