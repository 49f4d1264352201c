package com.canon.cps.verification.review.store;

import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links of information-request e-mails ({@code information_request}): the hash of each link's token, the case,
 * the operator's message, expiry and use. Fed by a <em>subscribing</em> processor ({@link #PROCESSING_GROUP}, mode set
 * in {@code verification-service.yml}), so the row is written in the transaction that stores the request's event: the
 * link works as soon as the e-mail can go out. Requests stored before links existed ({@code requestId} null) have none.
 */
@Component
@ProcessingGroup(InformationRequests.PROCESSING_GROUP)
public class InformationRequests {

    static final String PROCESSING_GROUP = "information-requests";

    /** A link as stored. */
    public record Link(
            String caseId, String requestId, String message, Instant issuedAt, Instant expiresAt, Instant usedAt) {

        public boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final InformationTokens tokens;

    InformationRequests(JdbcTemplate jdbc, InformationTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @EventHandler
    void on(VerificationInfoRequested event) {
        if (event.requestId() == null) {
            return;
        }
        jdbc.update(
                "INSERT INTO information_request (token_hash, case_id, request_id, message, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                InformationTokens.hash(tokens.tokenFor(event.caseId(), event.requestId())),
                event.caseId(),
                event.requestId(),
                event.reason(),
                Timestamp.from(event.requestedAt()),
                Timestamp.from(event.expiresAt()));
    }

    public Optional<Link> find(String token) {
        return query("", token);
    }

    /** As {@link #find}, the row locked until the caller's transaction ends (two answers cannot both use it). */
    public Optional<Link> findForUpdate(String token) {
        return query(" FOR UPDATE", token);
    }

    public void markUsed(String token, Instant usedAt) {
        jdbc.update(
                "UPDATE information_request SET used_at = ? WHERE token_hash = ?",
                Timestamp.from(usedAt),
                InformationTokens.hash(token));
    }

    private Optional<Link> query(String lock, String token) {
        return jdbc
                .query(
                        "SELECT case_id, request_id, message, issued_at, expires_at, used_at FROM information_request"
                                + " WHERE token_hash = ?" + lock,
                        (rs, i) -> new Link(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6) == null
                                        ? null
                                        : rs.getTimestamp(6).toInstant()),
                        InformationTokens.hash(token))
                .stream()
                .findFirst();
    }
}
