package com.canon.cps.billing.payment.stripe;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What we know of each Stripe intent (and refund) we created, by our idempotency key ({@code payment_gateway_stripe_intent}): the
 * request's fingerprint, the intent's id and its outcome, {@code PENDING} until Stripe decided. Written by the adapter
 * after each answer (in a transaction of its own: Stripe does not roll back with us) and by the webhooks.
 *
 * <p>Invariants: a decided outcome (approved, declined, authentication required) never changes again, neither by a
 * late or repeated webhook nor by a retry; a key keeps the intent it was first given. So a retry with a known key asks
 * Stripe about <em>that</em> intent, never creates another one, also after Stripe forgot the key (24 hours).
 */
public class StripeLedger {

    static final String PENDING = "PENDING";

    enum Kind {
        SETUP,
        PAYMENT,
        REFUND
    }

    /** One intent: {@code outcome} is {@code PENDING} or a {@code GatewayOutcome} name. */
    record Entry(
            String idempotencyKey, String fingerprint, Kind kind, String intentId, String outcome, String message) {

        boolean decided() {
            return !PENDING.equals(outcome);
        }
    }

    private static final String UPSERT = """
            INSERT INTO payment_gateway_stripe_intent (idempotency_key, fingerprint, kind, intent_id, outcome, message,
                updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (idempotency_key) DO UPDATE SET
                fingerprint = COALESCE(payment_gateway_stripe_intent.fingerprint, EXCLUDED.fingerprint),
                intent_id = COALESCE(payment_gateway_stripe_intent.intent_id, EXCLUDED.intent_id),
                message = CASE WHEN payment_gateway_stripe_intent.outcome = 'PENDING' THEN EXCLUDED.message
                    ELSE payment_gateway_stripe_intent.message END,
                outcome = CASE WHEN payment_gateway_stripe_intent.outcome = 'PENDING' THEN EXCLUDED.outcome
                    ELSE payment_gateway_stripe_intent.outcome END,
                updated_at = EXCLUDED.updated_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public StripeLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Optional<Entry> find(String idempotencyKey) {
        List<Entry> entries = jdbc.query(
                """
                SELECT idempotency_key, fingerprint, kind, intent_id, outcome, message
                FROM payment_gateway_stripe_intent WHERE idempotency_key = ?""",
                (rs, row) -> new Entry(
                        rs.getString("idempotency_key"),
                        rs.getString("fingerprint"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("intent_id"),
                        rs.getString("outcome"),
                        rs.getString("message")),
                idempotencyKey);
        return entries.stream().findFirst();
    }

    /** Records Stripe's answer to one of our calls, committed at once (in a transaction of its own). */
    void record(String idempotencyKey, String fingerprint, Kind kind, String intentId, String outcome, String message) {
        ownTransaction.executeWithoutResult(
                status -> upsert(idempotencyKey, fingerprint, kind, intentId, outcome, message));
    }

    /**
     * Records what a webhook says about an intent, in the caller's transaction: by our key when the intent carries
     * it, otherwise on the intent we already know by its id (an intent we did not create is left alone).
     */
    void recordFromWebhook(Kind kind, String intentId, String idempotencyKey, String outcome, String message) {
        if (idempotencyKey != null) {
            upsert(idempotencyKey, null, kind, intentId, outcome, message);
            return;
        }
        jdbc.update("""
                UPDATE payment_gateway_stripe_intent SET outcome = ?, message = ?, updated_at = ?
                WHERE intent_id = ? AND outcome = 'PENDING'""", outcome, message, Timestamp.from(clock.instant()), intentId);
    }

    /** Notes a webhook event; {@code false} when it was seen before (Stripe delivers at least once). */
    boolean firstDelivery(String eventId, String type) {
        return jdbc.update("""
                        INSERT INTO payment_gateway_stripe_event (event_id, type, received_at) VALUES (?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""", eventId, type, Timestamp.from(clock.instant())) == 1;
    }

    private void upsert(
            String idempotencyKey, String fingerprint, Kind kind, String intentId, String outcome, String message) {
        jdbc.update(
                UPSERT,
                idempotencyKey,
                fingerprint,
                kind.name(),
                intentId,
                outcome,
                message == null || message.length() <= 500 ? message : message.substring(0, 500),
                Timestamp.from(clock.instant()));
    }
}
