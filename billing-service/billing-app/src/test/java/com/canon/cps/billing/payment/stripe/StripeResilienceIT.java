package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.billing.payment.GatewayFault;
import com.canon.cps.billing.payment.GatewayOutcome;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGatewayUnavailableException;
import com.canon.cps.billing.payment.ResilientPaymentGateway;
import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.test.recorded.RecordedExchanges;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retry (with the same idempotency key), circuit breaker, bulkhead and time limit of {@link ResilientPaymentGateway}
 * around the <em>Stripe</em> adapter against Stripe's recorded answers: what Stripe's real faults do to a charge.
 */
class StripeResilienceIT {

    private static final String KEY = "charge:inv-1:1";
    private static final BigDecimal AMOUNT = new BigDecimal("102.00");

    private static StripeDatabase database;
    private RecordedExchanges stripe;
    private StripeCards cards;
    private StripeLedger ledger;
    private ResilientPaymentGateway gateway;
    private String token;

    @BeforeAll
    static void createDatabase() {
        database = StripeDatabase.create("billing_stripe_resilience_test");
    }

    @BeforeEach
    void setUp() {
        database.clear();
        stripe = RecordedExchanges.start();
        cards = new StripeCards(database.jdbc, StripePaymentGatewayIT.CLOCK);
        ledger = new StripeLedger(database.jdbc, database.transactions, StripePaymentGatewayIT.CLOCK);
        token = cards.issue(new StripeCards.Card(
                "cus_NffrFeUfNV2Hib", "pm_1Mm8s8LkdIwHu7ixBAGxvNzk", "seti_1Mm8s8LkdIwHu7ix0OXBfTRG", "visa", "4242"));
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        stripe.close();
    }

    private ResilientPaymentGateway resilient(
            Duration timeout, Duration httpTimeout, int maxAttempts, int minimumCalls, int maxConcurrentCalls) {
        PaymentGatewaySettings settings = new PaymentGatewaySettings(
                PaymentGatewaySettings.STRIPE,
                timeout,
                maxAttempts,
                Duration.ofMillis(1),
                new CircuitBreakerPolicy(50, minimumCalls, minimumCalls, Duration.ofMinutes(1)),
                new BulkheadPolicy(maxConcurrentCalls, Duration.ZERO),
                new PaymentGatewaySettings.SimulatorSettings(Duration.ZERO, false, 0, 0, Duration.ofSeconds(30)));
        StripeApi api = new StripeApi(
                stripe.url(""),
                StripePaymentGatewayIT.SECRET_KEY,
                StripePaymentGatewayIT.API_VERSION,
                Duration.ofSeconds(1),
                httpTimeout);
        gateway = new ResilientPaymentGateway(
                new StripePaymentGateway(api, ledger, cards), settings, new SimpleMeterRegistry());
        return gateway;
    }

    private ResilientPaymentGateway defaults() {
        return resilient(Duration.ofSeconds(3), Duration.ofSeconds(2), 3, 10, 10);
    }

    private static GatewayFault fault(Runnable call) {
        try {
            call.run();
        } catch (PaymentGatewayUnavailableException e) {
            return e.fault();
        }
        throw new AssertionError("no fault");
    }

    @Test
    void anOutageAndARateLimit_areRetriedWithTheSameKey_untilStripeAnswers() {
        stripe.replay("stripe/api.json", "CHARGE_SERVICE_UNAVAILABLE_503")
                .replay("stripe/api.json", "CHARGE_RATE_LIMITED")
                .replay("stripe/api.json", "CHARGE_SUCCEEDED");

        GatewayResult result = defaults().charge(token, AMOUNT, "GBP", KEY);

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(stripe.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsExactly(KEY, KEY, KEY);
        stripe.assertAllReplayed();
    }

    @Test
    void declinesAndAuthentication_areAnswers_neitherRetriedNorFailures() {
        ResilientPaymentGateway g = resilient(Duration.ofSeconds(3), Duration.ofSeconds(2), 3, 2, 10);
        stripe.replay("stripe/api.json", "CHARGE_AUTHENTICATION_REQUIRED").replay("stripe/api.json", "CHARGE_DECLINED");

        assertThat(g.charge(token, AMOUNT, "GBP", KEY).outcome()).isEqualTo(GatewayOutcome.AUTHENTICATION_REQUIRED);
        database.jdbc.update("DELETE FROM payment_gateway_stripe_intent"); // as if another invoice asked with that key
        assertThat(g.charge(token, AMOUNT, "GBP", KEY).outcome()).isEqualTo(GatewayOutcome.DECLINED);

        assertThat(stripe.received()).hasSize(2);
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aPendingPayment_isPassedOnAtOnce_notRetried_andNoFailureOfStripe() {
        ResilientPaymentGateway g = resilient(Duration.ofSeconds(3), Duration.ofSeconds(2), 3, 2, 10);
        stripe.replay("stripe/api.json", "CHARGE_PROCESSING");
        stripe.replayForever("stripe/api.json", "RETRIEVE_PROCESSING_STILL");

        for (int i = 0; i < 4; i++) {
            assertThat(fault(() -> g.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.PENDING);
        }

        assertThat(stripe.received()).as("one POST, then one look per call").hasSize(4);
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void repeatedOutages_openTheCircuit_andStripeIsNotEvenAsked() {
        ResilientPaymentGateway g = resilient(Duration.ofSeconds(3), Duration.ofSeconds(2), 1, 4, 10);
        stripe.replayForever("stripe/api.json", "CHARGE_API_ERROR_500");
        for (int i = 0; i < 4; i++) {
            assertThat(fault(() -> g.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.OUTAGE);
        }
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(fault(() -> g.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.CIRCUIT_OPEN);
        assertThat(stripe.received()).hasSize(4);
    }

    @Test
    void aStripeThatDoesNotAnswer_isCutOffByTheTimeLimit_andAskedAgainWithTheSameKey() {
        ResilientPaymentGateway g = resilient(Duration.ofMillis(300), Duration.ofSeconds(30), 2, 10, 10);
        stripe.replayForever("stripe/api.json", "CHARGE_SLOW_SUCCEEDED");
        long start = System.nanoTime();

        assertThat(fault(() -> g.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> stripe.received().size() == 2);
        assertThat(stripe.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsOnly(KEY);
    }

    @Test
    void tooManyCallsInFlight_areRefusedByTheBulkhead_withoutAskingStripe() throws Exception {
        ResilientPaymentGateway g = resilient(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 10, 1);
        CountDownLatch release = new CountDownLatch(1);
        stripe.holdAnswersUntil(release).replay("stripe/api.json", "CHARGE_SUCCEEDED");
        CompletableFuture<GatewayResult> first =
                CompletableFuture.supplyAsync(() -> g.charge(token, AMOUNT, "GBP", KEY));
        await().atMost(Duration.ofSeconds(5)).until(() -> stripe.received().size() == 1);

        assertThat(fault(() -> g.charge(token, AMOUNT, "GBP", "charge:inv-2:1")))
                .isEqualTo(GatewayFault.BULKHEAD_FULL);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(stripe.received()).hasSize(1);
    }

    @Test
    void aRequestStripeRefuses_isRethrown_neitherRetriedNorAFailure() {
        ResilientPaymentGateway g = resilient(Duration.ofSeconds(3), Duration.ofSeconds(2), 3, 1, 10);
        stripe.replay("stripe/api.json", "CHARGE_IDEMPOTENCY_ERROR");

        assertThatThrownBy(() -> g.charge(token, AMOUNT, "GBP", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stripe.received()).hasSize(1);
        assertThat(g.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
