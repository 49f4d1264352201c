package com.canon.cps.billing.payment;

import com.canon.cps.platform.hashing.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulator's memory of the card tokens its hosted card form issued ({@code payment_gateway_simulator_card_token}):
 * each token, kept only as its SHA-256 hash, answers like the fixed test token of the card it was issued for.
 *
 * <p>Invariants: a token is a fresh random {@code tok_} followed by 24 letters and digits (so it never equals a fixed
 * test token); only the test card's behaviour, brand and last 4 digits are kept with it, never the card number, its
 * hash, the expiry date or the CVC.
 */
class SimulatedCardTokens {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern ISSUED = Pattern.compile("tok_[A-Za-z0-9]{24}");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SimulatedCardTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token for an approved test card. */
    String issue(TestCard card) {
        if (card.declinedAtVerification()) {
            throw new IllegalArgumentException("A declined card gets no token");
        }
        String token = "tok_" + random(24);
        jdbc.update(
                """
                INSERT INTO payment_gateway_simulator_card_token (token_sha256, behaves_like, brand, last4, created_at)
                VALUES (?, ?, ?, ?, ?)""",
                Sha256.hex(token),
                card.behavesLike(),
                card.brand(),
                card.last4(),
                Timestamp.from(clock.instant()));
        return token;
    }

    /** The fixed test token an issued token answers like; empty for a token the card form never issued. */
    Optional<String> behaviourOf(String token) {
        if (token == null || !ISSUED.matcher(token).matches()) {
            return Optional.empty();
        }
        List<String> found = jdbc.queryForList(
                "SELECT behaves_like FROM payment_gateway_simulator_card_token WHERE token_sha256 = ?",
                String.class,
                Sha256.hex(token));
        return found.stream().findFirst();
    }

    private String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
