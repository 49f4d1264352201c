package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.billing.payment.GatewayFault;
import com.canon.cps.billing.payment.GatewayOutcome;
import com.canon.cps.billing.payment.GatewayResult;
import com.canon.cps.billing.payment.PaymentGatewayUnavailableException;
import com.canon.cps.platform.test.recorded.RecordedExchanges;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Stripe adapter against Stripe's documented exchanges (recorded, replayed by an in-process stub) and a real
 * PostgreSQL for its ledger and saved cards: the requests it sends (form, Idempotency-Key, API version), verification
 * and off-session charge with every documented answer, 3-D Secure as AUTHENTICATION_REQUIRED, faults as unavailable,
 * and idempotency that never creates a second intent.
 */
class StripePaymentGatewayIT {

    static final String SECRET_KEY = "sk_test_cps_recorded_exchanges";
    static final String API_VERSION = "2024-06-20";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "charge:inv-1:1";
    private static final BigDecimal AMOUNT = new BigDecimal("102.00");

    private static StripeDatabase database;
    private RecordedExchanges stripe;
    private StripeLedger ledger;
    private StripeCards cards;
    private StripePaymentGateway gateway;
    private String token;

    @BeforeAll
    static void createDatabase() {
        database = StripeDatabase.create("billing_stripe_gateway_test");
    }

    @BeforeEach
    void setUp() {
        database.clear();
        stripe = RecordedExchanges.start();
        StripeApi api =
                new StripeApi(stripe.url(""), SECRET_KEY, API_VERSION, Duration.ofSeconds(1), Duration.ofMillis(700));
        ledger = new StripeLedger(database.jdbc, database.transactions, CLOCK);
        cards = new StripeCards(database.jdbc, CLOCK);
        gateway = new StripePaymentGateway(api, ledger, cards);
        token = cards.issue(new StripeCards.Card(
                "cus_NffrFeUfNV2Hib", "pm_1Mm8s8LkdIwHu7ixBAGxvNzk", "seti_1Mm8s8LkdIwHu7ix0OXBfTRG", "visa", "4242"));
    }

    @AfterEach
    void tearDown() {
        stripe.close();
    }

    private RecordedExchanges replay(String name) {
        return stripe.replay("stripe/api.json", name);
    }

    private static GatewayFault fault(Runnable call) {
        try {
            call.run();
        } catch (PaymentGatewayUnavailableException e) {
            return e.fault();
        }
        throw new AssertionError("no fault");
    }

    // ---- verification ------------------------------------------------------------------------------------------

    @Test
    void aCardSavedThroughCheckout_isVerifiedByItsSetupIntent_andOnlyOnce() {
        replay("RETRIEVE_SETUP_INTENT_SUCCEEDED");

        GatewayResult result = gateway.verifyCard(token, "GBP", "verify:sub-1");
        GatewayResult again = gateway.verifyCard(token, "GBP", "verify:sub-1");

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("seti_1Mm8s8LkdIwHu7ix0OXBfTRG");
        assertThat(again).isEqualTo(result);
        stripe.assertAllReplayed();
    }

    @Test
    void aBarePaymentMethod_getsACustomer_andAnOffSessionSetupIntent_confirmedAtOnce() {
        replay("RETRIEVE_PAYMENT_METHOD_WITHOUT_CUSTOMER")
                .replay("stripe/api.json", "CREATE_CUSTOMER")
                .replay("stripe/api.json", "CREATE_SETUP_INTENT_SUCCEEDED");

        GatewayResult result = gateway.verifyCard("pm_1N4ZsULkdIwHu7ixmVF3fPo8", "EUR", "verify:sub-2");

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("seti_1N4ZtALkdIwHu7ixQ8m4bRkE");
        stripe.assertAllReplayed();
    }

    @Test
    void aSetupIntentThatNeeds3DSecure_isAuthenticationRequired() {
        replay("RETRIEVE_PAYMENT_METHOD_WITHOUT_CUSTOMER")
                .replay("stripe/api.json", "CREATE_CUSTOMER")
                .replay("stripe/api.json", "CREATE_SETUP_INTENT_REQUIRES_ACTION");

        assertThat(gateway.verifyCard("pm_1N4ZsULkdIwHu7ixmVF3fPo8", "EUR", "verify:sub-2")
                        .outcome())
                .isEqualTo(GatewayOutcome.AUTHENTICATION_REQUIRED);
        stripe.assertAllReplayed();
    }

    @Test
    void aDeclinedSetupIntent_isDeclined() {
        replay("RETRIEVE_PAYMENT_METHOD_WITHOUT_CUSTOMER")
                .replay("stripe/api.json", "CREATE_CUSTOMER")
                .replay("stripe/api.json", "CREATE_SETUP_INTENT_DECLINED");

        GatewayResult result = gateway.verifyCard("pm_1N4ZsULkdIwHu7ixmVF3fPo8", "EUR", "verify:sub-2");

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.DECLINED);
        assertThat(result.gatewayReference()).isEqualTo("seti_1N4ZtALkdIwHu7ixQ8m4bRkE");
        assertThat(result.message()).contains("generic_decline");
        stripe.assertAllReplayed();
    }

    @Test
    void anUnknownPaymentMethod_isAnInvalidToken() {
        replay("RETRIEVE_PAYMENT_METHOD_MISSING");

        assertThat(gateway.verifyCard("pm_1N4ZsULkdIwHu7ixmVF3fPo8", "EUR", "verify:sub-2")
                        .outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        stripe.assertAllReplayed();
    }

    @Test
    void aTokenWeNeverIssued_orACardNumber_isAnInvalidToken_withoutAskingStripe() {
        assertThat(gateway.verifyCard("tok_AAAAAAAAAAAAAAAAAAAAAAAA", "EUR", "verify:sub-3")
                        .outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(gateway.verifyCard("tok_visa", "EUR", "verify:sub-3").outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(gateway.charge("4242 4242 4242 4242", AMOUNT, "GBP", KEY).outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThat(stripe.received()).isEmpty();
    }

    // ---- charge ------------------------------------------------------------------------------------------------

    @Test
    void theChargeOnTheDueDate_isAnOffSessionPaymentIntent_withTheIdempotencyKey_andNeverASecond() {
        replay("CHARGE_SUCCEEDED");

        GatewayResult result = gateway.charge(token, AMOUNT, "GBP", KEY);
        GatewayResult again = gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        assertThat(again).isEqualTo(result);
        assertThat(stripe.received())
                .as("the retry is answered from the ledger")
                .hasSize(1);
        stripe.assertAllReplayed();
    }

    @Test
    void theSameKeyForAnotherAmount_isRefused_asStripeRefusesIt() {
        replay("CHARGE_SUCCEEDED");
        gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThatThrownBy(() -> gateway.charge(token, new BigDecimal("99.00"), "GBP", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different request");
        assertThat(stripe.received()).hasSize(1);
    }

    @Test
    void anIdempotencyErrorFromStripe_isARefusedRequest() {
        replay("CHARGE_IDEMPOTENCY_ERROR");

        assertThatThrownBy(() -> gateway.charge(token, AMOUNT, "GBP", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency");
        stripe.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "CHARGE_AUTHENTICATION_REQUIRED, AUTHENTICATION_REQUIRED, pi_3MtwC2LkdIwHu7ix0pJmXtXs",
        "CHARGE_REQUIRES_ACTION, AUTHENTICATION_REQUIRED, pi_3MtwC2LkdIwHu7ix0pJmXtXs",
        "CHARGE_DECLINED, DECLINED, pi_3MtwC9LkdIwHu7ix1x7hqS0d"
    })
    void threeDSecureAndDeclines_areAnswers_keptForTheKey(String exchange, GatewayOutcome outcome, String intent) {
        replay(exchange);

        GatewayResult result = gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.gatewayReference()).isEqualTo(intent);
        assertThat(gateway.charge(token, AMOUNT, "GBP", KEY)).isEqualTo(result);
        stripe.assertAllReplayed();
    }

    @Test
    void aPaymentMethodStripeNoLongerHas_isAnInvalidToken() {
        replay("CHARGE_PAYMENT_METHOD_MISSING");

        assertThat(gateway.charge(token, AMOUNT, "GBP", KEY).outcome()).isEqualTo(GatewayOutcome.INVALID_TOKEN);
        stripe.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "CHARGE_API_ERROR_500, OUTAGE",
        "CHARGE_SERVICE_UNAVAILABLE_503, OUTAGE",
        "CHARGE_RATE_LIMITED, RATE_LIMITED",
        "CHARGE_UNAUTHORIZED, TECHNICAL_ERROR",
        "CHARGE_IDEMPOTENCY_KEY_IN_USE, TECHNICAL_ERROR",
        "CHARGE_MALFORMED_HTML, TECHNICAL_ERROR",
        "CHARGE_MALFORMED_STATUS, TECHNICAL_ERROR"
    })
    void faultsAndMalformedAnswers_leaveTheOutcomeUnknown(String exchange, GatewayFault expected) {
        replay(exchange);

        assertThat(fault(() -> gateway.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(expected);
        stripe.assertAllReplayed();
    }

    @Test
    void aLostAnswer_isATimeout_andTheRetryCarriesTheSameIdempotencyKey() {
        replay("CHARGE_SLOW_SUCCEEDED").replay("stripe/api.json", "CHARGE_SUCCEEDED");

        assertThat(fault(() -> gateway.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.TIMEOUT);
        GatewayResult retried = gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThat(retried.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(stripe.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsExactly(KEY, KEY);
        stripe.assertAllReplayed();
    }

    @Test
    void aProcessingPayment_isPending_andTheNextCallLooksAtThatIntent_insteadOfCreatingAnother() {
        replay("CHARGE_PROCESSING")
                .replay("stripe/api.json", "RETRIEVE_PROCESSING_STILL")
                .replay("stripe/api.json", "RETRIEVE_PROCESSING_SUCCEEDED");

        assertThat(fault(() -> gateway.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.PENDING);
        assertThat(fault(() -> gateway.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.PENDING);
        GatewayResult result = gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("pi_3MtwCFLkdIwHu7ix0sFvq9Ye");
        stripe.assertAllReplayed();
    }

    @Test
    void aWebhookDecidesAPendingPayment_soTheNextCallNeedsNoCall() {
        replay("CHARGE_PROCESSING");
        assertThat(fault(() -> gateway.charge(token, AMOUNT, "GBP", KEY))).isEqualTo(GatewayFault.PENDING);

        ledger.recordFromWebhook(
                StripeLedger.Kind.PAYMENT, "pi_3MtwCFLkdIwHu7ix0sFvq9Ye", KEY, "APPROVED", "Charge succeeded.");

        assertThat(gateway.charge(token, AMOUNT, "GBP", KEY).outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(stripe.received()).hasSize(1);
    }

    @Test
    void aWebhookBeforeOurOwnAnswer_orAfterStripeForgotTheKey_stillPreventsASecondPaymentIntent() {
        // the answer to our POST was lost; Stripe's webhook (with our key in the metadata) came first
        ledger.recordFromWebhook(
                StripeLedger.Kind.PAYMENT, "pi_3MtwBwLkdIwHu7ix28a3tqPa", KEY, "APPROVED", "Charge succeeded.");

        GatewayResult result = gateway.charge(token, AMOUNT, "GBP", KEY);

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        assertThat(stripe.received()).isEmpty();
    }

    @Test
    void aDecidedOutcome_isNeverChangedByALaterWebhook() {
        replay("CHARGE_DECLINED");
        gateway.charge(token, AMOUNT, "GBP", KEY);

        ledger.recordFromWebhook(
                StripeLedger.Kind.PAYMENT, "pi_3MtwC9LkdIwHu7ix1x7hqS0d", KEY, "APPROVED", "Charge succeeded.");

        assertThat(gateway.charge(token, AMOUNT, "GBP", KEY).outcome()).isEqualTo(GatewayOutcome.DECLINED);
    }

    @Test
    void amountsGoInTheCurrencysSmallestUnit_andBadRequestsAreRefusedBeforeAnyCall() {
        replay("CHARGE_SUCCEEDED");
        assertThat(gateway.charge(token, new BigDecimal("102"), "gbp", KEY).outcome())
                .isEqualTo(GatewayOutcome.APPROVED);
        assertThat(stripe.form(0)).containsEntry("amount", "10200").containsEntry("currency", "gbp");

        assertThatThrownBy(() -> gateway.charge(token, new BigDecimal("1.005"), "GBP", "charge:x:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.charge(token, AMOUNT, "pounds", "charge:x:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.charge(token, AMOUNT, "GBP", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(stripe.received()).hasSize(1);
    }

    // ---- refund ----------------------------------------------------------------------------------------------------

    private static final String PAYMENT_INTENT = "pi_3MtwBwLkdIwHu7ix28a3tqPa";
    private static final String REFUND_KEY = "refund:cn-1";

    @Test
    void aRefund_isARefundOfThePaymentIntent_withTheIdempotencyKey_andNeverASecond() {
        replay("REFUND_SUCCEEDED");

        GatewayResult result = gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY);
        GatewayResult again = gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY);

        assertThat(result.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(result.gatewayReference()).isEqualTo("re_3MtwBwLkdIwHu7ix0z9HS6Ms");
        assertThat(result.message()).isEqualTo("Refund succeeded.");
        assertThat(again).isEqualTo(result);
        assertThat(stripe.received())
                .as("the retry is answered from the ledger")
                .hasSize(1);
        stripe.assertAllReplayed();
        assertThatThrownBy(() -> gateway.refund(PAYMENT_INTENT, new BigDecimal("1.00"), "GBP", REFUND_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different request");
    }

    @Test
    void aPendingRefund_isPending_andTheNextCallLooksAtThatRefund_insteadOfCreatingAnother() {
        replay("REFUND_PENDING");
        assertThat(fault(() -> gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY)))
                .isEqualTo(GatewayFault.PENDING);
        stripe.assertAllReplayed();

        replay("RETRIEVE_REFUND_SUCCEEDED");
        GatewayResult later = gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY);
        assertThat(later.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(later.gatewayReference()).isEqualTo("re_3MtwBwLkdIwHu7ix0z9HS6Ms");
        stripe.assertAllReplayed();
    }

    @ParameterizedTest
    @CsvSource({
        "REFUND_FAILED, DECLINED, expired_or_canceled_card",
        "REFUND_ALREADY_REFUNDED, DECLINED, charge_already_refunded",
        "REFUND_PAYMENT_INTENT_MISSING, INVALID_TOKEN, resource_missing"
    })
    void refusedRefunds_areAnswers(String exchange, GatewayOutcome outcome, String reason) {
        replay(exchange);

        GatewayResult result = gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.message()).contains(reason.equals("resource_missing") ? "resource_missing" : reason);
        stripe.assertAllReplayed();
    }

    @Test
    void aStripeErrorOnARefund_isAnOutage_andNotAPaymentIntent_isAnInvalidTokenWithoutACall() {
        replay("REFUND_API_ERROR_500");
        assertThat(fault(() -> gateway.refund(PAYMENT_INTENT, AMOUNT, "GBP", REFUND_KEY)))
                .isEqualTo(GatewayFault.OUTAGE);
        stripe.assertAllReplayed();

        assertThat(gateway.refund("ch_3MtwBwLkdIwHu7ix28Aq1hBQ", AMOUNT, "GBP", "refund:cn-2")
                        .outcome())
                .isEqualTo(GatewayOutcome.INVALID_TOKEN);
        assertThatThrownBy(() -> gateway.refund(PAYMENT_INTENT, new BigDecimal("0.00"), "GBP", "refund:cn-3"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
