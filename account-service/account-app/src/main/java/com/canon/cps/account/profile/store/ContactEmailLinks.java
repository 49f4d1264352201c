package com.canon.cps.account.profile.store;

import com.canon.cps.account.onboarding.domain.ContactEmailChangeRequested;
import com.canon.cps.account.onboarding.messaging.SetupLinkTokens;
import com.canon.cps.platform.hashing.Sha256;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hashes of the links that confirm a new contact e-mail ({@code contact_email_link}). Fed by a <em>subscribing</em>
 * processor ({@link #PROCESSING_GROUP}), so the row is written in the transaction that stores the
 * {@code ContactEmailChangeRequested} event: the link works as soon as the e-mail can go out. The token is the one the
 * publisher derives for the contract event ({@link SetupLinkTokens}); only its SHA-256 is kept.
 */
@Component
@ProcessingGroup(ContactEmailLinks.PROCESSING_GROUP)
public class ContactEmailLinks {

    static final String PROCESSING_GROUP = "contact-email-links";

    /** An issued link, as stored. */
    public record Link(String accountId, String issueId, String newEmail, Instant expiresAt, Instant usedAt) {}

    private final JdbcTemplate jdbc;
    private final SetupLinkTokens tokens;

    ContactEmailLinks(JdbcTemplate jdbc, SetupLinkTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @EventHandler
    void on(ContactEmailChangeRequested event) {
        jdbc.update(
                "INSERT INTO contact_email_link (token_hash, account_id, issue_id, new_email, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                hash(tokens.tokenFor(event.accountId(), event.issueId())),
                event.accountId(),
                event.issueId(),
                event.newContactEmail(),
                Timestamp.from(event.requestedAt()),
                Timestamp.from(event.expiresAt()));
    }

    /** The link of a presented token, its row locked until the caller's transaction ends. */
    public Optional<Link> findForUpdate(String token) {
        return jdbc
                .query(
                        "SELECT account_id, issue_id, new_email, expires_at, used_at FROM contact_email_link"
                                + " WHERE token_hash = ? FOR UPDATE",
                        (rs, i) -> new Link(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant()),
                        hash(token))
                .stream()
                .findFirst();
    }

    public void markUsed(String token, Instant usedAt) {
        jdbc.update(
                "UPDATE contact_email_link SET used_at = ? WHERE token_hash = ?", Timestamp.from(usedAt), hash(token));
    }

    /** Lower-case hex SHA-256: the token has full entropy, so a plain hash suffices and can be looked up by index. */
    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
