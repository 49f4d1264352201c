package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.config.PaymentGatewaySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhook endpoint ({@code POST /payment-gateway/stripe/webhook}, no token: Stripe signs instead): the
 * asynchronous outcomes of our intents ({@code payment_intent.succeeded | payment_failed | processing |
 * requires_action | canceled}, {@code setup_intent.succeeded | setup_failed | requires_action | canceled}) go into the
 * {@link StripeLedger}, where the next call with the same idempotency key finds them (the charge deadline asks again
 * while an outcome is pending).
 *
 * <p>Invariants: a delivery whose signature does not verify, or whose time stamp is outside the tolerance, is refused
 * with 400 and changes nothing; each event is applied once (its id is recorded in the same transaction), a repeated
 * delivery is acknowledged without effect; other event types are acknowledged and ignored. Nothing of the payload is
 * logged.
 */
@RestController
@ConditionalOnProperty(
        prefix = "cps.billing.payment-gateway",
        name = "adapter",
        havingValue = PaymentGatewaySettings.STRIPE)
class StripeWebhook {

    static final String PATH = "/payment-gateway/stripe/webhook";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);

    private final StripeLedger ledger;
    private final TransactionTemplate transaction;
    private final String secret;
    private final Duration tolerance;
    private final Clock wallClock;

    @Autowired
    StripeWebhook(
            StripeLedger ledger,
            PlatformTransactionManager transactions,
            StripeCredentials credentials,
            PaymentGatewaySettings settings) {
        this(
                ledger,
                new TransactionTemplate(transactions),
                credentials.webhookSecret(),
                settings.stripe().webhookTolerance(),
                Clock.systemUTC());
    }

    /** @param wallClock real time, for the signature's tolerance (not the business clock) */
    StripeWebhook(
            StripeLedger ledger, TransactionTemplate transaction, String secret, Duration tolerance, Clock wallClock) {
        this.ledger = ledger;
        this.transaction = transaction;
        this.secret = secret;
        this.tolerance = tolerance;
        this.wallClock = wallClock;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] payload) {
        byte[] body = payload == null ? new byte[0] : payload;
        try {
            StripeSignature.verify(body, signature, secret, tolerance, wallClock.instant());
        } catch (StripeSignature.Refused e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "signature refused"));
        }
        JsonNode event;
        try {
            event = StripeApi.JSON.readTree(body);
        } catch (JacksonException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "not an event"));
        }
        String id = event == null ? "" : event.path("id").asString("");
        String type = event == null ? "" : event.path("type").asString("");
        if (id.isEmpty() || type.isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "not an event"));
        }
        boolean applied = Boolean.TRUE.equals(transaction.execute(status -> apply(id, type, event)));
        return ResponseEntity.ok(Map.of("received", true, "applied", applied));
    }

    /** Applies the event once; {@code false} for a repeated delivery or a type we do not follow. */
    private boolean apply(String id, String type, JsonNode event) {
        if (!ledger.firstDelivery(id, type)) {
            return false;
        }
        StripeLedger.Kind kind;
        if (type.startsWith("payment_intent.")) {
            kind = StripeLedger.Kind.PAYMENT;
        } else if (type.startsWith("setup_intent.")) {
            kind = StripeLedger.Kind.SETUP;
        } else {
            return false;
        }
        JsonNode intent = event.path("data").path("object");
        String intentId = intent.path("id").asString("");
        String outcome = StripeIntents.outcome(intent, kind);
        if (intentId.isEmpty() || outcome == null) {
            return false;
        }
        String key =
                intent.path("metadata").path(StripePaymentGateway.METADATA_KEY).asString(null);
        JsonNode lastError = intent.path(kind == StripeLedger.Kind.SETUP ? "last_setup_error" : "last_payment_error");
        ledger.recordFromWebhook(kind, intentId, key, outcome, StripeIntents.message(outcome, lastError, kind));
        log.info("Stripe webhook {} {}: {} is {}", id, type, intentId, outcome);
        return true;
    }
}
