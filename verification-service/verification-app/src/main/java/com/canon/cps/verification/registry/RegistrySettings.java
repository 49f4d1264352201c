package com.canon.cps.verification.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * VAT registry settings ({@code cps.verification.registry.*}).
 *
 * @param timeout time limit of one registry call
 * @param maxAttempts calls per check, the first included, while the faults are transient
 * @param retryBackoff wait before the first retry; doubles with each further one
 * @param recheckInitial wait before the first re-check of a case whose check got no answer
 * @param recheckMax longest wait between re-checks (the wait doubles from {@code recheckInitial} up to this)
 */
@ConfigurationProperties("cps.verification.registry")
public record RegistrySettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("1m") Duration recheckInitial,
        @DefaultValue("1h") Duration recheckMax,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue BulkheadSettings bulkhead,
        @DefaultValue SimulatorSettings simulator) {

    /** Wait before re-check number {@code attempt + 1} after check number {@code attempt} failed. */
    public Duration recheckDelay(int attempt) {
        Duration delay = recheckInitial;
        for (int i = 1; i < attempt && delay.compareTo(recheckMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(recheckMax) > 0 ? recheckMax : delay;
    }

    /**
     * One circuit breaker per registry and country (a member state that is down in VIES must not stop the checks for
     * the others).
     *
     * @param minimumCalls calls before the failure rate counts
     * @param waitInOpen how long an open breaker refuses calls before it lets a few through again
     */
    public record CircuitBreakerSettings(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration waitInOpen) {}

    /** Concurrent calls per registry; a call waits at most {@code maxWait} for a free slot. */
    public record BulkheadSettings(
            @DefaultValue("10") int maxConcurrentCalls,
            @DefaultValue("500ms") Duration maxWait) {}

    /**
     * The local simulator and its fault injection. Rates are probabilities in {@code [0, 1]} per call.
     *
     * @param latency time each answer takes
     * @param outage every call fails with {@code SERVICE_UNAVAILABLE}
     * @param failureRate share of calls answered with {@code SERVICE_UNAVAILABLE} (a transient fault)
     * @param timeoutRate share of calls that hang for {@code hang} and then fail with {@code TIMEOUT} (keep
     *     {@code hang} above the registry {@code timeout}, so the caller's time limit gives up first)
     * @param hang how long a hanging call hangs
     */
    public record SimulatorSettings(
            @DefaultValue("50ms") Duration latency,
            @DefaultValue("false") boolean outage,
            @DefaultValue("0") double failureRate,
            @DefaultValue("0") double timeoutRate,
            @DefaultValue("30s") Duration hang) {

        @ConstructorBinding
        public SimulatorSettings {
            if (failureRate < 0 || failureRate > 1 || timeoutRate < 0 || timeoutRate > 1) {
                throw new IllegalArgumentException("simulator rates must be in [0, 1]");
            }
        }

        /** No injected faults. */
        public SimulatorSettings(Duration latency, boolean outage) {
            this(latency, outage, 0, 0, Duration.ofSeconds(30));
        }
    }
}
