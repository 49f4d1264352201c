package com.canon.cps.billing.payment.stripe;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The card steps under way ({@code payment_gateway_stripe_card_form}): where to send the browser back, with which
 * {@code state}, and the Checkout Session Stripe opened for it. A step is referred to by a random reference of ours in
 * Stripe's success and cancel URLs, is finished once (token issued, declined or cancelled) and expires after a day,
 * as Checkout Sessions do.
 */
class StripeCardForms {

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    record Step(String reference, String returnUrl, String state, String locale, String checkoutSessionId) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StripeCardForms(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a step; its reference. */
    String open(String returnUrl, String state, String locale) {
        StringBuilder reference = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            reference.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        jdbc.update("""
                INSERT INTO payment_gateway_stripe_card_form (reference, return_url, state, locale, created_at)
                VALUES (?, ?, ?, ?, ?)""", reference.toString(), returnUrl, state, locale, Timestamp.from(clock.instant()));
        return reference.toString();
    }

    void started(String reference, String checkoutSessionId) {
        jdbc.update(
                "UPDATE payment_gateway_stripe_card_form SET checkout_session_id = ? WHERE reference = ?",
                checkoutSessionId,
                reference);
    }

    /** The step, while it is neither finished nor expired. */
    Optional<Step> open(String reference) {
        if (reference == null || !reference.matches("[a-z0-9]{32}")) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(LIFETIME);
        List<Step> steps = jdbc.query(
                """
                SELECT reference, return_url, state, locale, checkout_session_id FROM payment_gateway_stripe_card_form
                WHERE reference = ? AND finished_at IS NULL AND created_at > ?""",
                (rs, row) -> new Step(
                        rs.getString("reference"),
                        rs.getString("return_url"),
                        rs.getString("state"),
                        rs.getString("locale"),
                        rs.getString("checkout_session_id")),
                reference,
                Timestamp.from(oldest));
        return steps.stream().findFirst();
    }

    /** Finishes the step; {@code false} when it was finished already. */
    boolean finish(String reference) {
        return jdbc.update("""
                        UPDATE payment_gateway_stripe_card_form SET finished_at = ?
                        WHERE reference = ? AND finished_at IS NULL""", Timestamp.from(clock.instant()), reference) == 1;
    }
}
