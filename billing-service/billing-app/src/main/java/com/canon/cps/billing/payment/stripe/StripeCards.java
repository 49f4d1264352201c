package com.canon.cps.billing.payment.stripe;

import com.canon.cps.platform.hashing.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cards members saved through Stripe's card step, each known to the rest of the platform only by a token of ours
 * ({@code tok_} and 24 letters or digits, the form the portal and membership already carry), kept as its SHA-256
 * hash with Stripe's customer, PaymentMethod and the SetupIntent that verified it ({@code
 * payment_gateway_stripe_card}). Stripe's ids stay inside billing; a token is useless without this table and our API
 * key. No card number, expiry or CVC ever reaches us: the card is typed into Stripe's page.
 */
public class StripeCards {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9]{24}");

    /** A saved card at Stripe. */
    record Card(String customerId, String paymentMethodId, String setupIntentId, String brand, String last4) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StripeCards(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token for a card Stripe verified. */
    String issue(Card card) {
        StringBuilder token = new StringBuilder("tok_");
        for (int i = 0; i < 24; i++) {
            token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        jdbc.update(
                """
                INSERT INTO payment_gateway_stripe_card (token_sha256, customer_id, payment_method_id, setup_intent_id,
                    brand, last4, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                Sha256.hex(token.toString()),
                card.customerId(),
                card.paymentMethodId(),
                card.setupIntentId(),
                card.brand(),
                card.last4(),
                Timestamp.from(clock.instant()));
        return token.toString();
    }

    /** The card behind a token we issued; empty for anything else. */
    Optional<Card> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        List<Card> cards = jdbc.query(
                """
                SELECT customer_id, payment_method_id, setup_intent_id, brand, last4
                FROM payment_gateway_stripe_card WHERE token_sha256 = ?""",
                (rs, row) -> new Card(
                        rs.getString("customer_id"),
                        rs.getString("payment_method_id"),
                        rs.getString("setup_intent_id"),
                        rs.getString("brand"),
                        rs.getString("last4")),
                Sha256.hex(token));
        return cards.stream().findFirst();
    }
}
