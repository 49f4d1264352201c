package com.canon.cps.verification.registry;

import com.canon.cps.verification.config.RegistrySettings;
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
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry port as the application uses it: routes each VAT ID to its registry's adapter and protects every call
 * with Resilience4j, outermost first: retry (transient faults only, exponential back-off), circuit breaker (per
 * registry and country), bulkhead (concurrent calls per registry), time limiter. Never throws: every fault, including
 * our own refusals (open circuit, full bulkhead), is an {@link RegistryAnswer.Unavailable} answer.
 */
public class ResilientVatRegistry implements VatRegistry, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResilientVatRegistry.class);

    private final Map<Registry, VatRegistry> adapters;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    public ResilientVatRegistry(
            Map<Registry, VatRegistry> adapters, RegistrySettings settings, Clock clock, MeterRegistry meters) {
        this.adapters = new EnumMap<>(adapters);
        this.clock = clock;
        this.meters = meters;
        RegistrySettings.CircuitBreakerSettings cb = settings.circuitBreaker();
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpen())
                .recordException(ResilientVatRegistry::registryUnhealthy)
                // a permanent fault (e.g. INVALID_INPUT) is about our question, not about the registry's health
                .ignoreException(
                        e -> e instanceof RegistryFaultException f && !f.fault().isTransient())
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(
                        e -> e instanceof RegistryFaultException f && f.fault().isTransient())
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(settings.bulkhead().maxWait())
                .build());
        this.timeLimiter = TimeLimiter.of(
                "vat-registry",
                TimeLimiterConfig.custom()
                        .timeoutDuration(settings.timeout())
                        .cancelRunningFuture(true)
                        .build());
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vat-registry-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    @Override
    public RegistryAnswer check(String vatId) {
        Optional<Registry> routed = Registry.forVatId(vatId);
        if (routed.isEmpty() || !adapters.containsKey(routed.get())) {
            return count(new RegistryAnswer.Unavailable(
                    routed.orElse(null), vatId, RegistryFault.INVALID_INPUT, clock.instant()));
        }
        Registry registry = routed.get();
        VatRegistry adapter = adapters.get(registry);
        Supplier<RegistryAnswer> call = () -> timeLimited(adapter, vatId);
        Supplier<RegistryAnswer> bulkheaded = Bulkhead.decorateSupplier(bulkheads.bulkhead(registry.name()), call);
        Supplier<RegistryAnswer> broken = CircuitBreaker.decorateSupplier(
                circuitBreakers.circuitBreaker(breakerName(registry, vatId)), bulkheaded);
        Supplier<RegistryAnswer> retried = Retry.decorateSupplier(retries.retry(registry.name()), broken);
        try {
            return count(retried.get());
        } catch (RegistryFaultException e) {
            return count(unavailable(registry, vatId, e.fault()));
        } catch (CallNotPermittedException e) {
            return count(unavailable(registry, vatId, RegistryFault.CIRCUIT_OPEN));
        } catch (BulkheadFullException e) {
            return count(unavailable(registry, vatId, RegistryFault.BULKHEAD_FULL));
        } catch (RuntimeException e) {
            log.warn("VAT registry {} failed unexpectedly for a check: {}", registry, e.toString());
            return count(unavailable(registry, vatId, RegistryFault.TECHNICAL_ERROR));
        }
    }

    /** Circuit breaker of one registry for one country, e.g. {@code VIES-DE}. */
    static String breakerName(Registry registry, String vatId) {
        return registry.name() + "-" + vatId.substring(0, 2);
    }

    /** The breaker's state, for operations and tests. */
    public CircuitBreaker.State circuitState(String vatId) {
        Registry registry = Registry.forVatId(vatId).orElseThrow();
        return circuitBreakers.circuitBreaker(breakerName(registry, vatId)).getState();
    }

    private RegistryAnswer timeLimited(VatRegistry adapter, String vatId) {
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(() -> adapter.check(vatId)));
        } catch (TimeoutException e) {
            throw new RegistryFaultException(RegistryFault.TIMEOUT);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryFaultException(RegistryFault.TIMEOUT);
        } catch (Exception e) {
            throw new RegistryFaultException(RegistryFault.TECHNICAL_ERROR);
        }
    }

    private RegistryAnswer unavailable(Registry registry, String vatId, RegistryFault fault) {
        return new RegistryAnswer.Unavailable(registry, vatId, fault, clock.instant());
    }

    private static boolean registryUnhealthy(Throwable e) {
        return !(e instanceof RegistryFaultException f) || f.fault().isTransient();
    }

    private RegistryAnswer count(RegistryAnswer answer) {
        String outcome;
        String fault = "none";
        if (answer instanceof RegistryAnswer.Valid) {
            outcome = "VALID";
        } else if (answer instanceof RegistryAnswer.Invalid) {
            outcome = "INVALID";
        } else {
            outcome = "UNAVAILABLE";
            fault = ((RegistryAnswer.Unavailable) answer).fault().name();
        }
        Counter.builder("cps.verification.registry.checks")
                .description("VAT registry checks by registry and outcome (after retries)")
                .tag(
                        "registry",
                        answer.registry() == null ? "none" : answer.registry().name())
                .tag("outcome", outcome)
                .tag("fault", fault)
                .register(meters)
                .increment();
        return answer;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
