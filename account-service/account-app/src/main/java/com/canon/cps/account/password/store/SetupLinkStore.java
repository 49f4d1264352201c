package com.canon.cps.account.password.store;

import com.canon.cps.account.onboarding.domain.PasswordResetIssued;
import com.canon.cps.account.onboarding.domain.PasswordSetupIssued;
import com.canon.cps.account.password.PasswordSetupTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hashes of issued password-setup and password-reset links ({@code password_setup_link}, with their purpose).
 *
 * <p>Fed by a <em>subscribing</em> processor ({@link #PROCESSING_GROUP}): the row is written in the unit of work,
 * and so in the database transaction, that stores the {@code PasswordSetupIssued} (or {@code PasswordResetIssued})
 * event. A link is therefore usable
 * as soon as its event exists (a streaming processor could lag behind the e-mail), and a failure here rolls the
 * command back instead of leaving a link that can never be used.
 */
@Component
@ProcessingGroup(SetupLinkStore.PROCESSING_GROUP)
public class SetupLinkStore {

    public static final String PROCESSING_GROUP = "password-setup-links";

    /** What a link is for: activating a verified account, or replacing the password of an active one. */
    public enum Purpose {
        SETUP,
        RESET
    }

    /** An issued link, as stored. */
    public record SetupLink(String accountId, String issueId, Purpose purpose, Instant expiresAt, Instant usedAt) {
        public boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordSetupTokens tokens;

    public SetupLinkStore(JdbcTemplate jdbc, PasswordSetupTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @EventHandler
    void on(PasswordSetupIssued event) {
        insert(event.accountId(), event.issueId(), Purpose.SETUP, event.issuedAt(), event.expiresAt());
    }

    @EventHandler
    void on(PasswordResetIssued event) {
        insert(event.accountId(), event.issueId(), Purpose.RESET, event.issuedAt(), event.expiresAt());
    }

    private void insert(String accountId, String issueId, Purpose purpose, Instant issuedAt, Instant expiresAt) {
        String hash = PasswordSetupTokens.hash(tokens.tokenFor(accountId, issueId));
        jdbc.update(
                "INSERT INTO password_setup_link (token_hash, account_id, issue_id, purpose, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                hash,
                accountId,
                issueId,
                purpose.name(),
                Timestamp.from(issuedAt),
                Timestamp.from(expiresAt));
    }

    /** The link of a presented token, if one was issued. */
    public Optional<SetupLink> find(String token) {
        return query("", token);
    }

    /** As {@link #find}, locking the row until the caller's transaction ends (two requests cannot both use it). */
    public Optional<SetupLink> findForUpdate(String token) {
        return query(" FOR UPDATE", token);
    }

    public void markUsed(String token, Instant usedAt) {
        jdbc.update(
                "UPDATE password_setup_link SET used_at = ? WHERE token_hash = ?",
                Timestamp.from(usedAt),
                PasswordSetupTokens.hash(token));
    }

    private Optional<SetupLink> query(String lock, String token) {
        return jdbc
                .query(
                        "SELECT account_id, issue_id, purpose, expires_at, used_at FROM password_setup_link"
                                + " WHERE token_hash = ?" + lock,
                        (rs, i) -> new SetupLink(
                                rs.getString(1),
                                rs.getString(2),
                                Purpose.valueOf(rs.getString(3)),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant()),
                        PasswordSetupTokens.hash(token))
                .stream()
                .findFirst();
    }
}
