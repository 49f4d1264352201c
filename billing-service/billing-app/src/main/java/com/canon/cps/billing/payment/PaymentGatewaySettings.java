package com.canon.cps.billing.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment gateway settings ({@code cps.billing.payment-gateway.*}).
 *
 * @param adapter which gateway the port talks to; {@value #SIMULATOR} (the local simulator, with its hosted card form
 *     under {@code /payment-gateway-simulator/**}) is the only adapter so far
 * @param timeout time limit of one gateway call
 * @param maxAttempts calls per operation, the first included, while the faults are transient (each with the same
 *     idempotency key)
 * @param retryBackoff wait before the first retry; doubles with each further one
 */
@ConfigurationProperties("cps.billing.payment-gateway")
public record PaymentGatewaySettings(
        @DefaultValue(PaymentGatewaySettings.SIMULATOR) String adapter,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue CircuitBreakerSettings circuitBreaker,
        @DefaultValue BulkheadSettings bulkhead,
        @DefaultValue SimulatorSettings simulator) {

    /** The value of {@code adapter} that selects the local simulator. */
    public static final String SIMULATOR = "simulator";

    /**
     * The circuit breaker around the gateway. Only transient faults count as failures; declines are answers.
     *
     * @param minimumCalls calls before the failure rate counts
     * @param waitInOpen how long an open breaker refuses calls before it lets a few through again
     */
    public record CircuitBreakerSettings(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration waitInOpen) {}

    /** Concurrent gateway calls; a call waits at most {@code maxWait} for a free slot. */
    public record BulkheadSettings(
            @DefaultValue("10") int maxConcurrentCalls,
            @DefaultValue("500ms") Duration maxWait) {}

    /**
     * The local gateway simulator and its fault injection. Rates are probabilities in {@code [0, 1]} per call.
     *
     * @param latency time each answer takes
     * @param outage every call fails at once as unavailable
     * @param timeoutRate share of calls that hang (for {@code hang}, longer than the time limit) without any effect
     * @param lostResponseRate share of new operations that take effect (the money moves) but whose answer is lost: the
     *     call hangs like a timeout; asking again with the same idempotency key returns the recorded result
     * @param hang how long a hanging call hangs before the simulated gateway gives up itself; keep it above
     *     {@code timeout}
     */
    public record SimulatorSettings(
            @DefaultValue("30ms") Duration latency,
            @DefaultValue("false") boolean outage,
            @DefaultValue("0") double timeoutRate,
            @DefaultValue("0") double lostResponseRate,
            @DefaultValue("30s") Duration hang) {}
}
