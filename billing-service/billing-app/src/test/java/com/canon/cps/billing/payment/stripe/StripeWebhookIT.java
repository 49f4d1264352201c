package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.recorded.RecordedExchanges;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook endpoint against Stripe's documented events, signed with Stripe's scheme: accepted and applied once,
 * forged or stale refused without effect, outcomes recorded for the intent's idempotency key.
 */
class StripeWebhookIT {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String KEY = "charge:inv-1:1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StripeDatabase database;
    private StripeLedger ledger;
    private StripeWebhook webhook;

    @BeforeAll
    static void createDatabase() {
        database = StripeDatabase.create("billing_stripe_webhook_test");
    }

    @BeforeEach
    void setUp() {
        database.clear();
        ledger = new StripeLedger(database.jdbc, database.transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        webhook = new StripeWebhook(
                ledger,
                new TransactionTemplate(database.transactions),
                StripeSignatureTest.SECRET,
                Duration.ofMinutes(5),
                Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC));
    }

    private static byte[] event(String name) {
        return JSON.writeValueAsString(RecordedExchanges.load("stripe/events.json")
                        .path("events")
                        .path(name))
                .getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<Map<String, Object>> deliver(byte[] payload, String secret) {
        return webhook.receive(StripeSignatureTest.header(NOW.getEpochSecond(), payload, secret), payload);
    }

    private String outcome() {
        return ledger.find(KEY).map(StripeLedger.Entry::outcome).orElse(null);
    }

    @Test
    void aSignedEvent_isAccepted_andDecidesTheIntentOfOurKey() {
        ResponseEntity<Map<String, Object>> response = deliver(event("PAYMENT_SUCCEEDED"), StripeSignatureTest.SECRET);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("applied", true);
        assertThat(ledger.find(KEY)).hasValueSatisfying(entry -> {
            assertThat(entry.intentId()).isEqualTo("pi_3MtwCFLkdIwHu7ix0sFvq9Ye");
            assertThat(entry.outcome()).isEqualTo("APPROVED");
            assertThat(entry.fingerprint()).as("unknown until our own call").isNull();
        });
    }

    @Test
    void aForgedEvent_isRefused_andChangesNothing() {
        ResponseEntity<Map<String, Object>> response = deliver(event("PAYMENT_SUCCEEDED"), "whsec_forged");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(outcome()).isNull();
        assertThat(database.jdbc.queryForObject("SELECT count(*) FROM payment_gateway_stripe_event", Integer.class))
                .isZero();
    }

    @Test
    void aReplayedDeliveryOutsideTheTolerance_isRefused() {
        byte[] payload = event("PAYMENT_SUCCEEDED");
        String header =
                StripeSignatureTest.header(NOW.minusSeconds(600).getEpochSecond(), payload, StripeSignatureTest.SECRET);

        assertThat(webhook.receive(header, payload).getStatusCode().value()).isEqualTo(400);
        assertThat(outcome()).isNull();
    }

    @Test
    void aRepeatedDelivery_isAcknowledged_withoutASecondEffect() {
        deliver(event("PAYMENT_SUCCEEDED"), StripeSignatureTest.SECRET);

        ResponseEntity<Map<String, Object>> again = deliver(event("PAYMENT_SUCCEEDED"), StripeSignatureTest.SECRET);

        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("applied", false);
    }

    @Test
    void aLateProcessingEvent_doesNotUndoTheDecision_andFailuresMapLikeTheApi() {
        deliver(event("PAYMENT_SUCCEEDED"), StripeSignatureTest.SECRET);
        deliver(event("PAYMENT_PROCESSING"), StripeSignatureTest.SECRET);
        assertThat(outcome()).isEqualTo("APPROVED");

        database.clear();
        deliver(event("PAYMENT_FAILED_AUTHENTICATION"), StripeSignatureTest.SECRET);
        assertThat(outcome()).isEqualTo("AUTHENTICATION_REQUIRED");

        database.clear();
        deliver(event("PAYMENT_FAILED"), StripeSignatureTest.SECRET);
        assertThat(outcome()).isEqualTo("DECLINED");
    }

    @Test
    void otherEventTypes_andIntentsWeDidNotCreate_areAcknowledged_andIgnored() {
        assertThat(deliver(event("CUSTOMER_CREATED"), StripeSignatureTest.SECRET)
                        .getBody())
                .containsEntry("applied", false);
        assertThat(deliver(event("SETUP_SUCCEEDED"), StripeSignatureTest.SECRET)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(database.jdbc.queryForObject("SELECT count(*) FROM payment_gateway_stripe_intent", Integer.class))
                .isZero();
    }

    @Test
    void aBodyThatIsNoEvent_isRefused() {
        byte[] payload = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(deliver(payload, StripeSignatureTest.SECRET).getStatusCode().value())
                .isEqualTo(400);
    }
}
