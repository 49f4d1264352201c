package com.canon.cps.membership.subscription.store;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates membership numbers inside the caller's transaction: the next position of a PostgreSQL sequence, mapped
 * by a bijection onto the 9-digit range, claimed in {@code membership_number}. Unique under any concurrency (the
 * sequence and the primary key), never reused (the sequence does not cycle and never goes back).
 */
@Component
public class MembershipNumbers {

    static final long RANGE = 900_000_000L;
    static final long OFFSET = 100_000_000L;
    /** Coprime with 900,000,000 (= 2^8 · 3^2 · 5^8), so {@code p -> p · M + A mod RANGE} is a permutation. */
    static final long MULTIPLIER = 701_234_567L;

    static final long ADDEND = 123_456_789L;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MembershipNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new number for {@code accountId}; must run in the transaction that records the checkout. */
    public String allocate(String accountId) {
        Long position = jdbc.queryForObject("SELECT nextval('membership_number_seq')", Long.class);
        String number = numberAt(position);
        jdbc.update(
                "INSERT INTO membership_number (membership_number, account_id, allocated_at) VALUES (?, ?, ?)",
                number,
                accountId,
                Timestamp.from(clock.instant()));
        return number;
    }

    /** The number at sequence position {@code position} (0 ≤ position &lt; 900,000,000); no overflow in a long. */
    static String numberAt(long position) {
        if (position < 0 || position >= RANGE) {
            throw new IllegalStateException("membership numbers exhausted");
        }
        return Long.toString(OFFSET + Math.floorMod(position * MULTIPLIER + ADDEND, RANGE));
    }
}
