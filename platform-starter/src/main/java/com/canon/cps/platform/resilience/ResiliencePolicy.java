package com.canon.cps.platform.resilience;

import java.time.Duration;

/**
 * How a port protects its calls to an outside party. A service's settings record binds the parts under its own keys
 * ({@code timeout}, {@code max-attempts}, {@code retry-backoff} with the service's defaults,
 * {@code circuit-breaker.*} as a {@link CircuitBreakerPolicy}, {@code bulkhead.*} as a {@link BulkheadPolicy}) and
 * hands them over as one policy to {@link ResilientCalls}.
 *
 * @param timeout time limit of one attempt
 * @param maxAttempts attempts per call, the first included, while the faults are transient (below 1 means 1)
 * @param retryBackoff wait before the first retry; doubles with each further one
 */
public record ResiliencePolicy(
        Duration timeout,
        int maxAttempts,
        Duration retryBackoff,
        CircuitBreakerPolicy circuitBreaker,
        BulkheadPolicy bulkhead) {

    public ResiliencePolicy {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout is positive");
        }
        if (retryBackoff == null || retryBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("retry-backoff is at least 1ms");
        }
        if (circuitBreaker == null || bulkhead == null) {
            throw new IllegalArgumentException("a resilience policy has a circuit breaker and a bulkhead");
        }
        maxAttempts = Math.max(1, maxAttempts);
    }
}
