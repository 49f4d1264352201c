package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time limit, retry (same idempotency key), circuit breaker and bulkhead around the gateway port; business outcomes
 * are answers, transient faults end as {@link PaymentGatewayUnavailableException}.
 */
class ResilientPaymentGatewayTest {

    private static final GatewayResult APPROVED =
            new GatewayResult(GatewayOutcome.APPROVED, "ch_1", "Charge succeeded.");
    private static final GatewayResult DECLINED =
            new GatewayResult(GatewayOutcome.DECLINED, "ch_2", "Your card was declined (card_declined).");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScriptedGateway fake = new ScriptedGateway();
    private ResilientPaymentGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Answers each call with the next scripted behaviour (the last one repeats), recording the keys it was sent. */
    static final class ScriptedGateway implements PaymentGateway {
        final List<String> keys = new CopyOnWriteArrayList<>();
        private final Deque<Supplier<GatewayResult>> script = new ArrayDeque<>();

        ScriptedGateway then(Supplier<GatewayResult> behaviour) {
            script.add(behaviour);
            return this;
        }

        @Override
        public GatewayResult verifyCard(String cardToken, String currency, String idempotencyKey) {
            return next(idempotencyKey);
        }

        @Override
        public GatewayResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
            return next(idempotencyKey);
        }

        @Override
        public GatewayResult refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
            return next(idempotencyKey);
        }

        private GatewayResult next(String key) {
            keys.add(key);
            Supplier<GatewayResult> behaviour;
            synchronized (script) {
                behaviour = script.size() > 1 ? script.poll() : script.peek();
            }
            return behaviour.get();
        }
    }

    private static Supplier<GatewayResult> answer(GatewayResult result) {
        return () -> result;
    }

    private static Supplier<GatewayResult> fail(GatewayFault fault) {
        return () -> {
            throw new PaymentGatewayUnavailableException(fault, "simulated " + fault);
        };
    }

    private static Supplier<GatewayResult> hangFor(Duration duration) {
        return () -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return APPROVED;
        };
    }

    private static PaymentGatewaySettings settings(
            Duration timeout, int maxAttempts, int minimumCalls, Duration waitInOpen, int maxConcurrentCalls) {
        return new PaymentGatewaySettings(
                PaymentGatewaySettings.SIMULATOR,
                timeout,
                maxAttempts,
                Duration.ofMillis(1),
                new CircuitBreakerPolicy(50, minimumCalls, minimumCalls, waitInOpen),
                new BulkheadPolicy(maxConcurrentCalls, Duration.ZERO),
                new PaymentGatewaySettings.SimulatorSettings(Duration.ZERO, false, 0, 0, Duration.ZERO));
    }

    private ResilientPaymentGateway resilient(PaymentGatewaySettings settings) {
        gateway = new ResilientPaymentGateway(fake, settings, meters);
        return gateway;
    }

    private ResilientPaymentGateway defaults() {
        return resilient(settings(Duration.ofSeconds(2), 3, 10, Duration.ofSeconds(30), 10));
    }

    private double counted(String operation, String outcome) {
        var counter = meters.find("cps.billing.payment-gateway.calls")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void answers_passThrough_andAreCounted() {
        fake.then(answer(APPROVED));

        assertThat(defaults().charge("tok_visa", new BigDecimal("102.00"), "GBP", "charge-1"))
                .isEqualTo(APPROVED);
        assertThat(fake.keys).containsExactly("charge-1");
        assertThat(counted("charge", "APPROVED")).isEqualTo(1);
    }

    @Test
    void decline_isAnAnswer_neverRetried_neverACircuitFailure() {
        fake.then(answer(DECLINED));
        ResilientPaymentGateway g = resilient(settings(Duration.ofSeconds(2), 3, 4, Duration.ofMinutes(1), 10));

        for (int i = 0; i < 8; i++) {
            assertThat(g.charge("tok_decline_charge", BigDecimal.TEN, "EUR", "k" + i))
                    .isEqualTo(DECLINED);
        }

        assertThat(fake.keys).hasSize(8);
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(counted("charge", "DECLINED")).isEqualTo(8);
    }

    @Test
    void timeout_isRetried_withTheSameIdempotencyKey() {
        fake.then(hangFor(Duration.ofSeconds(5))).then(answer(APPROVED));
        ResilientPaymentGateway g = resilient(settings(Duration.ofMillis(100), 3, 10, Duration.ofMinutes(1), 10));

        GatewayResult result = g.verifyCard("tok_visa", "GBP", "verify-sub-42");

        assertThat(result).isEqualTo(APPROVED);
        assertThat(fake.keys).containsExactly("verify-sub-42", "verify-sub-42");
    }

    @Test
    void transientFaults_untilTheAttemptsAreExhausted_areUnavailable() {
        fake.then(fail(GatewayFault.OUTAGE));

        assertThatThrownBy(() -> defaults().charge("tok_visa", BigDecimal.ONE, "GBP", "charge-7"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.OUTAGE));
        assertThat(fake.keys).containsExactly("charge-7", "charge-7", "charge-7");
        assertThat(meters.find("cps.billing.payment-gateway.calls")
                        .tag("outcome", "UNAVAILABLE")
                        .tag("fault", "OUTAGE")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void slowGateway_isCutOffByTheTimeLimit() {
        fake.then(hangFor(Duration.ofSeconds(5)));
        ResilientPaymentGateway g = resilient(settings(Duration.ofMillis(100), 2, 10, Duration.ofMinutes(1), 10));
        long start = System.nanoTime();

        assertThatThrownBy(() -> g.charge("tok_visa", BigDecimal.ONE, "GBP", "slow"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(fake.keys).hasSize(2);
    }

    @Test
    void repeatedFaults_openTheCircuit_thenTheGatewayIsNotEvenAsked() {
        fake.then(fail(GatewayFault.OUTAGE));
        ResilientPaymentGateway g = resilient(settings(Duration.ofSeconds(2), 1, 4, Duration.ofMinutes(1), 10));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> g.verifyCard("tok_visa", "GBP", "v"))
                    .isInstanceOf(PaymentGatewayUnavailableException.class);
        }
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int asked = fake.keys.size();

        assertThatThrownBy(() -> g.verifyCard("tok_visa", "GBP", "v"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.CIRCUIT_OPEN));
        assertThat(fake.keys).as("an open circuit does not even ask").hasSize(asked);
        assertThat(meters.find("resilience4j.circuitbreaker.state")
                        .tag("name", ResilientPaymentGateway.NAME)
                        .tag("state", "open")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }

    @Test
    void afterAnOutage_theCircuitLetsCallsThroughAgain() {
        fake.then(fail(GatewayFault.OUTAGE)).then(fail(GatewayFault.OUTAGE)).then(answer(APPROVED));
        ResilientPaymentGateway g = resilient(settings(Duration.ofSeconds(2), 1, 2, Duration.ofMillis(50), 10));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> g.verifyCard("tok_visa", "GBP", "v"))
                    .isInstanceOf(PaymentGatewayUnavailableException.class);
        }
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        // once the wait in the open state (50 ms) is over, a trial call goes through
        assertThat(await().atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(10))
                        .ignoreException(PaymentGatewayUnavailableException.class)
                        .until(() -> g.verifyCard("tok_visa", "GBP", "v"), APPROVED::equals))
                .isEqualTo(APPROVED);
    }

    @Test
    void malformedRequest_isRethrown_notRetried_notACircuitFailure() {
        fake.then(() -> {
            throw new IllegalArgumentException("Idempotency key reused for a different request");
        });
        ResilientPaymentGateway g = resilient(settings(Duration.ofSeconds(2), 3, 2, Duration.ofMinutes(1), 10));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> g.charge("tok_visa", BigDecimal.ONE, "GBP", "reused"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(fake.keys).hasSize(4);
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void unexpectedFailure_isATechnicalError_retriedThenUnavailable() {
        fake.then(() -> {
            throw new IllegalStateException("connection reset");
        });

        assertThatThrownBy(() -> defaults().charge("tok_visa", BigDecimal.ONE, "GBP", "boom"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.TECHNICAL_ERROR));
        assertThat(fake.keys).hasSize(3);
    }

    @Test
    void tooManyConcurrentCalls_areRefusedByTheBulkhead() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        fake.then(() -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return APPROVED;
        });
        ResilientPaymentGateway g = resilient(settings(Duration.ofSeconds(5), 1, 10, Duration.ofMinutes(1), 1));
        CompletableFuture<GatewayResult> first =
                CompletableFuture.supplyAsync(() -> g.charge("tok_visa", BigDecimal.ONE, "GBP", "first"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> g.charge("tok_visa", BigDecimal.ONE, "GBP", "second"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.BULKHEAD_FULL));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(APPROVED);
    }

    @Test
    void resilienceMetrics_areBoundToTheMeterRegistry() {
        fake.then(answer(APPROVED));
        defaults().verifyCard("tok_visa", "GBP", "m");

        assertThat(meters.find("resilience4j.circuitbreaker.state").gauges()).isNotEmpty();
        assertThat(meters.find("resilience4j.retry.calls").functionCounters()).isNotEmpty();
        assertThat(meters.find("resilience4j.bulkhead.available.concurrent.calls")
                        .gauges())
                .isNotEmpty();
        assertThat(meters.find("resilience4j.timelimiter.calls").counters()).isNotEmpty();
    }
}
