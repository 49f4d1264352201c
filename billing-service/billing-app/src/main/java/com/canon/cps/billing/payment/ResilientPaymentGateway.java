package com.canon.cps.billing.payment;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.platform.resilience.ResilientCalls;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway port as the application uses it: protects every call of an adapter with Resilience4j, outermost first:
 * retry (transient faults only, exponential back-off, the <em>same</em> idempotency key on every attempt), circuit
 * breaker, bulkhead, time limiter.
 *
 * <p>Invariants: business outcomes (approved, declined, authentication required, invalid token) are results: returned
 * at once, never retried, never a circuit failure. A request the gateway refuses as malformed
 * ({@link IllegalArgumentException}, e.g. an idempotency key reused for another request) is rethrown as it is, neither
 * retried nor counted against the gateway's health. Every other problem ends, after the retries, as a
 * {@link PaymentGatewayUnavailableException}: the outcome is unknown and the caller asks again later with the same
 * key. An outcome the gateway has not decided yet ({@link GatewayFault#PENDING}) is passed on at once: not retried, and
 * no failure of the gateway.
 */
public class ResilientPaymentGateway implements PaymentGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientPaymentGateway.class);
    static final String NAME = "payment-gateway";

    private final PaymentGateway adapter;
    private final MeterRegistry meters;
    private final ResilientCalls calls;

    public ResilientPaymentGateway(PaymentGateway adapter, PaymentGatewaySettings settings, MeterRegistry meters) {
        this.adapter = adapter;
        this.meters = meters;
        this.calls = ResilientCalls.named(NAME)
                .policy(settings.resilience())
                // a malformed request is about our question, not about the gateway's health; a pending outcome is an
                // answer still to come
                .ignore(e -> e instanceof IllegalArgumentException || pending(e))
                .retryOn(e -> e instanceof PaymentGatewayUnavailableException && !pending(e))
                .attemptFaults(new AttemptFaults())
                .build(meters);
    }

    @Override
    public GatewayResult verifyCard(String cardToken, String currency, String idempotencyKey) {
        return call("verify", () -> adapter.verifyCard(cardToken, currency, idempotencyKey));
    }

    @Override
    public GatewayResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
        return call("charge", () -> adapter.charge(cardToken, amount, currency, idempotencyKey));
    }

    @Override
    public GatewayResult refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
        return call("refund", () -> adapter.refund(chargeReference, amount, currency, idempotencyKey));
    }

    private static boolean pending(Throwable e) {
        return e instanceof PaymentGatewayUnavailableException u && u.fault() == GatewayFault.PENDING;
    }

    /** The breaker's state, for operations and tests. */
    public CircuitBreaker.State circuitState() {
        return calls.circuitState(NAME);
    }

    private GatewayResult call(String operation, Supplier<GatewayResult> request) {
        try {
            GatewayResult result = calls.call(request);
            count(operation, result.outcome().name(), "none");
            return result;
        } catch (PaymentGatewayUnavailableException e) {
            throw unavailable(operation, e);
        } catch (CallNotPermittedException e) {
            throw unavailable(
                    operation,
                    new PaymentGatewayUnavailableException(
                            GatewayFault.CIRCUIT_OPEN, "Payment gateway circuit is open", e));
        } catch (BulkheadFullException e) {
            throw unavailable(
                    operation,
                    new PaymentGatewayUnavailableException(
                            GatewayFault.BULKHEAD_FULL, "Too many payment gateway calls in flight", e));
        } catch (IllegalArgumentException e) {
            count(operation, "REJECTED", "none");
            throw e;
        }
    }

    /** What one attempt's failures become: the gateway's own faults pass, everything else is a technical error. */
    private static final class AttemptFaults implements ResilientCalls.AttemptFaults {

        @Override
        public RuntimeException timedOut(Exception cause) {
            return new PaymentGatewayUnavailableException(
                    GatewayFault.TIMEOUT,
                    cause instanceof InterruptedException
                            ? "Interrupted waiting for the gateway"
                            : "Payment gateway did not answer within the time limit",
                    cause);
        }

        @Override
        public RuntimeException failed(Exception cause) {
            if (cause instanceof PaymentGatewayUnavailableException || cause instanceof IllegalArgumentException) {
                return (RuntimeException) cause;
            }
            log.warn("Payment gateway call failed unexpectedly: {}", cause.toString());
            return new PaymentGatewayUnavailableException(
                    GatewayFault.TECHNICAL_ERROR,
                    "Payment gateway call failed: " + cause.getClass().getSimpleName(),
                    cause);
        }
    }

    private PaymentGatewayUnavailableException unavailable(String operation, PaymentGatewayUnavailableException e) {
        count(operation, "UNAVAILABLE", e.fault().name());
        return e;
    }

    private void count(String operation, String outcome, String fault) {
        Counter.builder("cps.billing.payment-gateway.calls")
                .description("Payment gateway operations by outcome (after retries)")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .tag("fault", fault)
                .register(meters)
                .increment();
    }

    @Override
    public void close() {
        calls.close();
    }
}
