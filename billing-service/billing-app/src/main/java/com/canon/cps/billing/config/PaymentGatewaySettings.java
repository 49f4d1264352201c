package com.canon.cps.billing.config;

import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.resilience.ResiliencePolicy;
import com.canon.cps.platform.resilience.SimulatedFaults;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment gateway settings ({@code cps.billing.payment-gateway.*}).
 *
 * @param adapter which gateway the port talks to: {@value #SIMULATOR} (the local simulator, with its hosted card form
 *     under {@code /payment-gateway-simulator/**}; the default) or {@value #STRIPE} (Stripe's API, with the card step
 *     as a Stripe Checkout Session in setup mode under {@code /payment-gateway/**} and webhooks)
 * @param timeout time limit of one gateway call
 * @param maxAttempts calls per operation, the first included, while the faults are transient (each with the same
 *     idempotency key)
 * @param retryBackoff wait before the first retry; doubles with each further one
 * @param circuitBreaker the circuit breaker around the gateway; only transient faults count as failures, declines are
 *     answers
 * @param bulkhead concurrent gateway calls
 */
@ConfigurationProperties("cps.billing.payment-gateway")
public record PaymentGatewaySettings(
        @DefaultValue(PaymentGatewaySettings.SIMULATOR) String adapter,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue CircuitBreakerPolicy circuitBreaker,
        @DefaultValue BulkheadPolicy bulkhead,
        @DefaultValue SimulatorSettings simulator,
        @DefaultValue StripeSettings stripe) {

    /** The value of {@code adapter} that selects the local simulator. */
    public static final String SIMULATOR = "simulator";

    /** The value of {@code adapter} that selects Stripe. */
    public static final String STRIPE = "stripe";

    @ConstructorBinding
    public PaymentGatewaySettings {
        new ResiliencePolicy(timeout, maxAttempts, retryBackoff, circuitBreaker, bulkhead); // refuses what cannot work
    }

    /** The settings with the default (simulated) Stripe section, for tests that build them by hand. */
    public PaymentGatewaySettings(
            String adapter,
            Duration timeout,
            int maxAttempts,
            Duration retryBackoff,
            CircuitBreakerPolicy circuitBreaker,
            BulkheadPolicy bulkhead,
            SimulatorSettings simulator) {
        this(adapter, timeout, maxAttempts, retryBackoff, circuitBreaker, bulkhead, simulator, StripeSettings.unset());
    }

    /** Time limit, retry, circuit breaker and bulkhead of the gateway port as one policy. */
    public ResiliencePolicy resilience() {
        return new ResiliencePolicy(timeout, maxAttempts, retryBackoff, circuitBreaker, bulkhead);
    }

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
            @DefaultValue("30s") Duration hang) {

        public SimulatorSettings {
            faults(latency, outage, timeoutRate, lostResponseRate, hang); // refuses rates outside [0, 1]
        }

        /** The faults the simulator starts with (the gateway simulator has no immediate failures). */
        public SimulatedFaults.Settings faults() {
            return faults(latency, outage, timeoutRate, lostResponseRate, hang);
        }

        private static SimulatedFaults.Settings faults(
                Duration latency, boolean outage, double timeoutRate, double lostResponseRate, Duration hang) {
            return new SimulatedFaults.Settings(latency, outage, 0, timeoutRate, lostResponseRate, hang);
        }
    }

    /**
     * Stripe (only while {@code adapter} is {@value #STRIPE}). Keys come from the environment or a secret file, never
     * from the repository.
     *
     * @param baseUrl Stripe's API ({@code https://api.stripe.com})
     * @param secretKey the secret API key ({@code sk_live_...}, or {@code sk_test_...} in test mode)
     * @param secretKeyFile a file holding the secret key instead (e.g. a mounted container secret)
     * @param webhookSecret the signing secret of our webhook endpoint ({@code whsec_...})
     * @param webhookSecretFile a file holding the webhook signing secret instead
     * @param webhookTolerance how far a webhook's signed time stamp may be from now (Stripe's libraries: 5 minutes)
     * @param apiVersion the API version to pin with {@code Stripe-Version} (empty: the account's default)
     * @param publicBaseUrl where browsers reach billing's {@code /payment-gateway/**} (behind the entry point, e.g.
     *     {@code https://cps.example.com}); empty: taken from the request
     */
    public record StripeSettings(
            @DefaultValue("https://api.stripe.com") URI baseUrl,
            String secretKey,
            String secretKeyFile,
            String webhookSecret,
            String webhookSecretFile,
            @DefaultValue("5m") Duration webhookTolerance,
            String apiVersion,
            String publicBaseUrl) {

        static StripeSettings unset() {
            return new StripeSettings(
                    URI.create("https://api.stripe.com"), null, null, null, null, Duration.ofMinutes(5), null, null);
        }
    }
}
