package com.canon.cps.platform.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What operators did with dead letters ({@code dead_letter_state}, Flyway {@code V4}). Kafka dead letters are
 * immutable on their topic, so their state lives only here; for Axon's letters this is the audit trail of their
 * re-drives and discards. Every change applies to an open letter only: a resolved or discarded letter stays so.
 */
class DeadLetterStateStore {

    enum Status {
        OPEN,
        RESOLVED,
        DISCARDED
    }

    /** The state of one letter; a letter without a row is open and was never re-driven. */
    record State(Status status, int redriveFailures, String lastError, Instant lastFailedAt) {}

    private final JdbcTemplate jdbc;

    DeadLetterStateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of every letter whose id starts with {@code prefix}. */
    Map<String, State> states(String prefix) {
        Map<String, State> states = new HashMap<>();
        jdbc.query(
                "SELECT letter_id, status, redrive_failures, last_error, last_failed_at FROM dead_letter_state"
                        + " WHERE letter_id LIKE ?",
                rs -> {
                    states.put(rs.getString("letter_id"), state(rs));
                },
                prefix + "%");
        return states;
    }

    /** Marks the letter re-driven; joins the caller's transaction (the re-drive's, for a Kafka letter). */
    void resolved(String letterId, String source, String messageId, String messageType) {
        jdbc.update(
                "INSERT INTO dead_letter_state (letter_id, source, status, message_id, message_type, resolved_at)"
                        + " VALUES (?, ?, 'RESOLVED', ?, ?, now())"
                        + " ON CONFLICT (letter_id) DO UPDATE SET status = 'RESOLVED', resolved_at = now(),"
                        + " updated_at = now() WHERE dead_letter_state.status = 'OPEN'",
                letterId,
                source,
                messageId,
                messageType);
    }

    /** Counts a failed re-drive of a letter that stays open. */
    void failed(String letterId, String source, String messageId, String messageType, String error) {
        jdbc.update(
                "INSERT INTO dead_letter_state (letter_id, source, status, message_id, message_type,"
                        + " redrive_failures, last_error, last_failed_at) VALUES (?, ?, 'OPEN', ?, ?, 1, ?, now())"
                        + " ON CONFLICT (letter_id) DO UPDATE SET"
                        + " redrive_failures = dead_letter_state.redrive_failures + 1,"
                        + " last_error = EXCLUDED.last_error, last_failed_at = now(), updated_at = now()"
                        + " WHERE dead_letter_state.status = 'OPEN'",
                letterId,
                source,
                messageId,
                messageType,
                error);
    }

    /**
     * Records that {@code by} discarded the letter and why.
     *
     * @return false when the letter was no longer open
     */
    boolean discarded(String letterId, String source, String messageId, String messageType, String by, String reason) {
        return jdbc.update(
                        "INSERT INTO dead_letter_state (letter_id, source, status, message_id, message_type,"
                                + " discarded_by, discarded_at, discard_reason)"
                                + " VALUES (?, ?, 'DISCARDED', ?, ?, ?, now(), ?)"
                                + " ON CONFLICT (letter_id) DO UPDATE SET status = 'DISCARDED',"
                                + " discarded_by = EXCLUDED.discarded_by, discarded_at = now(),"
                                + " discard_reason = EXCLUDED.discard_reason, updated_at = now()"
                                + " WHERE dead_letter_state.status = 'OPEN'",
                        letterId,
                        source,
                        messageId,
                        messageType,
                        by,
                        reason)
                > 0;
    }

    private static State state(ResultSet rs) throws SQLException {
        Timestamp failedAt = rs.getTimestamp("last_failed_at");
        return new State(
                Status.valueOf(rs.getString("status")),
                rs.getInt("redrive_failures"),
                rs.getString("last_error"),
                failedAt == null ? null : failedAt.toInstant());
    }
}
