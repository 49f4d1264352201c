package com.canon.cps.billing.payment;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    public ResilientPaymentGateway(PaymentGateway adapter, PaymentGatewaySettings settings, MeterRegistry meters) {
        this.adapter = adapter;
        this.meters = meters;
        PaymentGatewaySettings.CircuitBreakerSettings cb = settings.circuitBreaker();
        CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpen())
                // a malformed request is about our question, not about the gateway's health; a pending outcome is an
                // answer still to come
                .ignoreException(e -> e instanceof IllegalArgumentException || pending(e))
                .build());
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof PaymentGatewayUnavailableException && !pending(e))
                .build());
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(settings.bulkhead().maxWait())
                .build());
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.bulkhead = bulkheads.bulkhead(NAME);
        this.timeLimiter = timeLimiters.timeLimiter(NAME);
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "payment-gateway-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
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
        return circuitBreaker.getState();
    }

    private GatewayResult call(String operation, Supplier<GatewayResult> request) {
        Supplier<GatewayResult> limited = () -> timeLimited(request);
        Supplier<GatewayResult> decorated = Retry.decorateSupplier(
                retry, CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, limited)));
        try {
            GatewayResult result = decorated.get();
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

    /** One attempt on a thread of our own, abandoned (and interrupted) after the time limit. */
    private GatewayResult timeLimited(Supplier<GatewayResult> request) {
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(request::get));
        } catch (TimeoutException e) {
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TIMEOUT, "Payment gateway did not answer within the time limit", e);
        } catch (PaymentGatewayUnavailableException | IllegalArgumentException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TIMEOUT, "Interrupted waiting for the gateway", e);
        } catch (Exception e) {
            log.warn("Payment gateway call failed unexpectedly: {}", e.toString());
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TECHNICAL_ERROR,
                    "Payment gateway call failed: " + e.getClass().getSimpleName(),
                    e);
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
        calls.shutdownNow();
    }
}
