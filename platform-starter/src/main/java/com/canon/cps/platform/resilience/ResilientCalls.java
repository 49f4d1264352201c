package com.canon.cps.platform.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
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
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The calls of one port to an outside party, each decorated with Resilience4j, outermost first: retry (exponential
 * back-off), circuit breaker, bulkhead, time limiter. Each attempt runs on a thread of the port's own (named
 * {@code <name>-call-<n>}) and is abandoned, and interrupted, after the time limit. The four registries are bound to
 * Micrometer with Resilience4j's tagged metrics ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*},
 * {@code resilience4j_bulkhead_*}, {@code resilience4j_timelimiter_*}, tag {@code name}).
 *
 * <p>A call throws what its last attempt threw (after {@link AttemptFaults} translated it), or Resilience4j's own
 * refusals: {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} while the breaker is open and
 * {@link io.github.resilience4j.bulkhead.BulkheadFullException} when no slot is free in time. The port turns those
 * into its own answers.
 */
public final class ResilientCalls implements AutoCloseable {

    /** What an attempt's failure becomes: the port's own exceptions, which its predicates then classify. */
    public interface AttemptFaults {

        /** The attempt did not end within the time limit ({@link TimeoutException}) or its wait was interrupted. */
        RuntimeException timedOut(Exception cause);

        /** The attempt threw {@code cause}; return it as it is, or wrap it. */
        RuntimeException failed(Exception cause);
    }

    /**
     * The Resilience4j instances one call goes through (each created on first use, with the port's policy).
     *
     * @param retry the retry's name, e.g. the registry
     * @param circuitBreaker the circuit breaker's name, e.g. the registry and country
     * @param bulkhead the bulkhead's name, e.g. the registry
     */
    public record Instances(String retry, String circuitBreaker, String bulkhead) {

        /** One name for all three. */
        public static Instances all(String name) {
            return new Instances(name, name, name);
        }
    }

    private final String name;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiter timeLimiter;
    private final AttemptFaults faults;
    private final ExecutorService calls;

    private ResilientCalls(Builder builder, MeterRegistry meters) {
        ResiliencePolicy policy = Objects.requireNonNull(builder.policy, "policy");
        this.name = builder.name;
        this.faults = Objects.requireNonNull(builder.faults, "attempt faults");
        CircuitBreakerPolicy cb = policy.circuitBreaker();
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpen())
                .recordException(builder.failure)
                .ignoreException(builder.ignored)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.retryBackoff(), 2.0))
                .retryOnException(builder.retryOn)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(policy.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(policy.bulkhead().maxWait())
                .build());
        TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(policy.timeout())
                .cancelRunningFuture(true)
                .build());
        this.timeLimiter = timeLimiters.timeLimiter(name);
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
    }

    /** The calls of the port {@code name} (the time limiter's name and the prefix of the call threads). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** {@code attempt} through the instances all named after the port. */
    public <T> T call(Supplier<T> attempt) {
        return call(Instances.all(name), attempt);
    }

    /** {@code attempt} through retry, circuit breaker, bulkhead and time limiter of {@code instances}. */
    public <T> T call(Instances instances, Supplier<T> attempt) {
        Supplier<T> limited = () -> timeLimited(attempt);
        Supplier<T> bulkheaded = Bulkhead.decorateSupplier(bulkheads.bulkhead(instances.bulkhead()), limited);
        Supplier<T> broken =
                CircuitBreaker.decorateSupplier(circuitBreakers.circuitBreaker(instances.circuitBreaker()), bulkheaded);
        return Retry.decorateSupplier(retries.retry(instances.retry()), broken).get();
    }

    /** The state of the circuit breaker {@code circuitBreaker}, for operations and tests. */
    public CircuitBreaker.State circuitState(String circuitBreaker) {
        return circuitBreakers.circuitBreaker(circuitBreaker).getState();
    }

    private <T> T timeLimited(Supplier<T> attempt) {
        try {
            return timeLimiter.executeFutureSupplier(() -> calls.submit(attempt::get));
        } catch (TimeoutException e) {
            throw faults.timedOut(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw faults.timedOut(e);
        } catch (Exception e) {
            throw faults.failed(e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** Which failures count, and how an attempt's failures read; everything else comes from the policy. */
    public static final class Builder {

        private final String name;
        private ResiliencePolicy policy;
        private Predicate<Throwable> failure = e -> true;
        private Predicate<Throwable> ignored = e -> false;
        private Predicate<Throwable> retryOn = e -> false;
        private AttemptFaults faults;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder policy(ResiliencePolicy policy) {
            this.policy = policy;
            return this;
        }

        /** What the circuit breaker records as a failure of the party (default: every exception). */
        public Builder failureWhen(Predicate<Throwable> failure) {
            this.failure = failure;
            return this;
        }

        /** What the circuit breaker counts neither as a success nor as a failure (default: nothing). */
        public Builder ignore(Predicate<Throwable> ignored) {
            this.ignored = ignored;
            return this;
        }

        /** What is worth another attempt (default: nothing). */
        public Builder retryOn(Predicate<Throwable> retryOn) {
            this.retryOn = retryOn;
            return this;
        }

        public Builder attemptFaults(AttemptFaults faults) {
            this.faults = faults;
            return this;
        }

        /** The calls, with their metrics bound to {@code meters}. */
        public ResilientCalls build(MeterRegistry meters) {
            return new ResilientCalls(this, meters);
        }
    }
}
