package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import com.canon.cps.platform.embedded.EmbeddedPostgresServer;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.resilience.BulkheadPolicy;
import com.canon.cps.platform.resilience.CircuitBreakerPolicy;
import com.canon.cps.platform.test.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway simulator against a real PostgreSQL (no Spring context): test tokens, card numbers refused, durable
 * idempotency, and faults that must never turn into a second charge. The table comes from the V110 script itself.
 */
class SimulatedPaymentGatewayIT {

    private static final String DATABASE = "billing_gateway_sim_test";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    private static JdbcTemplate jdbc;
    private static JdbcTransactionManager transactions;
    private static SimulatedCardTokens cardTokens;

    @BeforeAll
    static void database() throws IOException {
        EmbeddedPostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.ensureDatabase(DATABASE);
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
        jdbc = new JdbcTemplate(dataSource);
        transactions = new JdbcTransactionManager(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS payment_gateway_simulator_operation");
        jdbc.execute("DROP TABLE IF EXISTS payment_gateway_simulator_card_token");
        for (String migration : List.of(
                "V110__payment_gateway_simulator.sql",
                "V120__payment_gateway_simulator_card_token.sql",
                "V150__payment_gateway_simulator_refund.sql")) {
            try (InputStream script = SimulatedPaymentGatewayIT.class.getResourceAsStream("/db/billing/" + migration)) {
                jdbc.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        cardTokens = new SimulatedCardTokens(jdbc, CLOCK);
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE payment_gateway_simulator_operation, payment_gateway_simulator_card_token");
    }

    private static SimulatedPaymentGateway simulator(double timeoutRate, double lostResponseRate, Duration hang) {
        return new SimulatedPaymentGateway(
                jdbc,
                cardTokens,
                transactions,
                CLOCK,
                new PaymentGatewaySettings.SimulatorSettings(Duration.ZERO, false, timeoutRate, lostResponseRate, hang),
                new Random(42));
    }

    private static SimulatedPaymentGateway simulator() {
        return simulator(0, 0, Duration.ZERO);
    }

    private static int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM payment_gateway_simulator_operation", Integer.class);
    }

    @ParameterizedTest(name = "{0}: verify {1}, charge {2}")
    @CsvSource({
        "tok_visa, APPROVED, APPROVED",
        "tok_decline_verify, DECLINED, DECLINED",
        "tok_decline_charge, APPROVED, DECLINED",
        "tok_auth_required, APPROVED, AUTHENTICATION_REQUIRED"
    })
    void testTokens_answerAsDocumented(String token, GatewayOutcome verify, GatewayOutcome charge) {
        SimulatedPaymentGateway gateway = simulator();

        GatewayResult verified = gateway.verifyCard(token, "GBP", "verify-" + token);
        GatewayResult charged = gateway.charge(token, new BigDecimal("102.00"), "GBP", "charge-" + token);

        assertThat(verified.outcome()).isEqualTo(verify);
        assertThat(verified.approved()).isEqualTo(verify == GatewayOutcome.APPROVED);
        assertThat(verified.gatewayReference()).matches("seti_[A-Za-z0-9]{24}");
        assertThat(charged.outcome()).isEqualTo(charge);
        assertThat(charged.gatewayReference()).matches("ch_[A-Za-z0-9]{24}");
        assertThat(charged.message()).isNotBlank();
        assertThat(rows()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT amount FROM payment_gateway_simulator_operation WHERE idempotency_key = ?",
                        BigDecimal.class,
                        "charge-" + token))
                .isEqualTo(new BigDecimal("102.00"));
    }

    @ParameterizedTest(name = "{0}: verify {1}, charge {2}")
    @CsvSource({
        "VISA, APPROVED, APPROVED",
        "DECLINE_CHARGE, APPROVED, DECLINED",
        "AUTHENTICATION_REQUIRED, APPROVED, AUTHENTICATION_REQUIRED"
    })
    void tokensIssuedByTheCardForm_answerLikeTheFixedTokenOfTheirCard(
            TestCard card, GatewayOutcome verify, GatewayOutcome charge) {
        SimulatedPaymentGateway gateway = simulator();
        String token = cardTokens.issue(card);

        assertThat(token).matches("tok_[A-Za-z0-9]{24}").isNotEqualTo(cardTokens.issue(card));
        assertThat(gateway.verifyCard(token, "GBP", "verify-" + token).outcome())
                .isEqualTo(verify);
        assertThat(gateway.charge(token, new BigDecimal("102.00"), "GBP", "charge-" + token)
                        .outcome())
                .isEqualTo(charge);
        assertThat(jdbc.queryForList("SELECT token_sha256 FROM payment_gateway_simulator_operation", String.class))
                .as("operations keep the issued token's hash, not the token")
                .containsOnly(Sha256.hex(token));
        assertThat(jdbc.queryForMap(
                        "SELECT behaves_like, brand, last4 FROM payment_gateway_simulator_card_token"
                                + " WHERE token_sha256 = ?",
                        Sha256.hex(token)))
                .containsEntry("behaves_like", card.behavesLike())
                .containsEntry("brand", "visa")
                .containsEntry("last4", card.last4());
    }

    @Test
    void aDeclinedCard_getsNoToken() {
        assertThatThrownBy(() -> cardTokens.issue(TestCard.DECLINED)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok_AAAAAAAAAAAAAAAAAAAAAAAA", "tok_visa_", "TOK_VISA", "tok_"})
    void tokensNeverIssued_areInvalid(String token) {
        cardTokens.issue(TestCard.VISA);

        assertThat(simulator().verifyCard(token, "GBP", "k").outcome()).isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(rows()).isZero();
    }

    @Test
    void unknownToken_isInvalid_andNothingIsRecorded() {
        GatewayResult result = simulator().charge("tok_unknown", BigDecimal.TEN, "EUR", "k1");

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(result.gatewayReference()).isNull();
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4242 4242 4242 4242", "4000-0000-0000-0002", "378282246310005"})
    void cardNumbers_areRefused_andNeverStored(String pan) {
        SimulatedPaymentGateway gateway = simulator();

        assertThat(gateway.verifyCard(pan, "GBP", "pan-verify").outcome()).isEqualTo(GatewayOutcome.INVALID_TOKEN);
        GatewayResult charged = gateway.charge(pan, BigDecimal.ONE, "GBP", "pan-charge");

        assertThat(charged.outcome()).isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(charged.message()).doesNotContain(pan).doesNotContain(pan.replaceAll("[ -]", ""));
        assertThat(rows()).isZero();
    }

    @Test
    void sameKeySameRequest_returnsTheRecordedResult_withoutASecondCharge() {
        SimulatedPaymentGateway gateway = simulator();

        GatewayResult first = gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "invoice-1-charge-1");
        GatewayResult replay = gateway.charge("tok_visa", new BigDecimal("102"), "gbp", "invoice-1-charge-1");

        assertThat(replay).isEqualTo(first);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void sameKeyDifferentRequest_isRefused() {
        SimulatedPaymentGateway gateway = simulator();
        gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "invoice-1-charge-1");

        assertThatThrownBy(() -> gateway.charge("tok_visa", new BigDecimal("85.00"), "GBP", "invoice-1-charge-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different request");
        assertThatThrownBy(() -> gateway.charge("tok_visa", new BigDecimal("102.00"), "EUR", "invoice-1-charge-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        gateway.charge("tok_decline_charge", new BigDecimal("102.00"), "GBP", "invoice-1-charge-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.verifyCard("tok_visa", "GBP", "invoice-1-charge-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void malformedRequests_areRefused() {
        SimulatedPaymentGateway gateway = simulator();

        assertThatThrownBy(() -> gateway.charge("tok_visa", new BigDecimal("1.005"), "GBP", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.charge("tok_visa", BigDecimal.ZERO, "GBP", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.charge("tok_visa", BigDecimal.ONE, "POUND", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.verifyCard("tok_visa", "GBP", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void lostResponse_moneyMoved_retryWithTheSameKeyReturnsTheSameCharge() {
        SimulatedPaymentGateway gateway = simulator(0, 1, Duration.ZERO);

        assertThatThrownBy(() -> gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "invoice-9-charge-1"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.TIMEOUT));
        String recorded = jdbc.queryForObject(
                "SELECT gateway_reference FROM payment_gateway_simulator_operation WHERE idempotency_key = ?",
                String.class,
                "invoice-9-charge-1");

        GatewayResult retry = gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "invoice-9-charge-1");

        assertThat(retry.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(retry.gatewayReference()).isEqualTo(recorded).startsWith("ch_");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void lostResponse_behindTheResilientGateway_isRetriedToTheSingleCharge() {
        SimulatedPaymentGateway simulator = simulator(0, 1, Duration.ofSeconds(30));
        PaymentGatewaySettings settings = new PaymentGatewaySettings(
                PaymentGatewaySettings.SIMULATOR,
                Duration.ofMillis(300),
                3,
                Duration.ofMillis(10),
                new CircuitBreakerPolicy(50, 10, 5, Duration.ofSeconds(30)),
                new BulkheadPolicy(10, Duration.ZERO),
                new PaymentGatewaySettings.SimulatorSettings(Duration.ZERO, false, 0, 1, Duration.ofSeconds(30)));
        try (ResilientPaymentGateway gateway =
                new ResilientPaymentGateway(simulator, settings, new SimpleMeterRegistry())) {

            GatewayResult result = gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "invoice-10-charge-1");

            assertThat(result.approved()).isTrue();
            assertThat(rows()).isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT gateway_reference FROM payment_gateway_simulator_operation", String.class))
                    .isEqualTo(result.gatewayReference());
        }
    }

    @Test
    void timeout_hasNoEffect() {
        SimulatedPaymentGateway gateway = simulator(1, 0, Duration.ZERO);

        assertThatThrownBy(() -> gateway.charge("tok_visa", BigDecimal.ONE, "GBP", "k"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.TIMEOUT));
        assertThat(rows()).isZero();
    }

    @Test
    void outage_failsFast_untilItEnds() {
        SimulatedPaymentGateway gateway = simulator();
        gateway.outage(true);

        assertThatThrownBy(() -> gateway.verifyCard("tok_visa", "GBP", "k"))
                .isInstanceOfSatisfying(
                        PaymentGatewayUnavailableException.class,
                        e -> assertThat(e.fault()).isEqualTo(GatewayFault.OUTAGE));
        assertThat(rows()).isZero();

        gateway.outage(false);
        assertThat(gateway.verifyCard("tok_visa", "GBP", "k").approved()).isTrue();
    }

    @Test
    void theGatewaysRecord_survivesARollbackOfTheCallersTransaction() {
        SimulatedPaymentGateway gateway = simulator();
        TransactionTemplate caller = new TransactionTemplate(transactions);

        GatewayResult charged = caller.execute(status -> {
            GatewayResult result = gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "rolled-back-caller");
            status.setRollbackOnly();
            return result;
        });

        assertThat(rows()).isEqualTo(1);
        assertThat(gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "rolled-back-caller"))
                .isEqualTo(charged);
    }

    // ---- refunds ---------------------------------------------------------------------------------------------------

    @Test
    void aRefund_paysBackAtMostWhatIsLeftOfTheCharge_onceForEachKey() {
        SimulatedPaymentGateway gateway = simulator();
        GatewayResult charge = gateway.charge("tok_visa", new BigDecimal("102.00"), "GBP", "charge:inv-1:1");
        String ch = charge.gatewayReference();

        GatewayResult part = gateway.refund(ch, new BigDecimal("50.00"), "GBP", "refund:cn-1");
        assertThat(part.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(part.gatewayReference()).startsWith("re_");
        assertThat(gateway.refund(ch, new BigDecimal("50.00"), "GBP", "refund:cn-1"))
                .as("the same key answers the first refund again")
                .isEqualTo(part);

        GatewayResult tooMuch = gateway.refund(ch, new BigDecimal("52.01"), "GBP", "refund:cn-2");
        assertThat(tooMuch.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(tooMuch.message()).contains("amount_too_large");
        GatewayResult rest = gateway.refund(ch, new BigDecimal("52.00"), "GBP", "refund:cn-3");
        assertThat(rest.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        GatewayResult again = gateway.refund(ch, new BigDecimal("1.00"), "GBP", "refund:cn-4");
        assertThat(again.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(again.message()).contains("charge_already_refunded");
        assertThat(jdbc.queryForObject(
                        "SELECT SUM(amount) FROM payment_gateway_simulator_operation"
                                + " WHERE operation = 'REFUND' AND outcome = 'APPROVED' AND charge_reference = ?",
                        BigDecimal.class,
                        ch))
                .isEqualByComparingTo("102.00");
    }

    @Test
    void aRefundOfNoSuchCharge_orOfADeclinedOne_isAnInvalidToken_andBadRequestsAreRefused() {
        SimulatedPaymentGateway gateway = simulator();
        assertThat(gateway.refund("ch_unknown", BigDecimal.TEN, "GBP", "refund:x")
                        .outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        GatewayResult declined = gateway.charge("tok_decline_charge", BigDecimal.TEN, "GBP", "charge:inv-2:1");
        assertThat(gateway.refund(declined.gatewayReference(), BigDecimal.TEN, "GBP", "refund:y")
                        .outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        String ch = gateway.charge("tok_visa", BigDecimal.TEN, "GBP", "charge:inv-3:1")
                .gatewayReference();
        assertThatThrownBy(() -> gateway.refund(ch, BigDecimal.ONE, "EUR", "refund:z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.refund(ch, new BigDecimal("-1"), "GBP", "refund:z"))
                .isInstanceOf(IllegalArgumentException.class);
        gateway.refund(ch, BigDecimal.ONE, "GBP", "refund:w");
        assertThatThrownBy(() -> gateway.refund(ch, new BigDecimal("2"), "GBP", "refund:w"))
                .as("the same key for another refund")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefundWhoseAnswerIsLost_isMadeOnce_theRetryGetsItsAnswer() {
        String ch = simulator()
                .charge("tok_visa", BigDecimal.TEN, "GBP", "charge:inv-4:1")
                .gatewayReference();
        SimulatedPaymentGateway losing = simulator(0, 1, Duration.ofMillis(10));
        assertThatThrownBy(() -> losing.refund(ch, BigDecimal.TEN, "GBP", "refund:lost"))
                .isInstanceOf(PaymentGatewayUnavailableException.class);
        GatewayResult retried = simulator().refund(ch, BigDecimal.TEN, "GBP", "refund:lost");
        assertThat(retried.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payment_gateway_simulator_operation WHERE operation = 'REFUND'",
                        Integer.class))
                .isEqualTo(1);
    }
}
