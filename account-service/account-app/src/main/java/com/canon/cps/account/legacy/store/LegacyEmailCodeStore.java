package com.canon.cps.account.legacy.store;

import com.canon.cps.account.onboarding.domain.LegacyEmailCodeIssued;
import com.canon.cps.account.onboarding.messaging.LegacyEmailCodes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current code of each account's old CPS e-mail ({@code legacy_email_code}): its keyed hash, expiry, wrong tries
 * and use. Fed by a <em>subscribing</em> processor ({@link #PROCESSING_GROUP}), so the row is written in the
 * transaction that stores the {@code LegacyEmailCodeIssued} event; a new code replaces the row and its count.
 */
@Component
@ProcessingGroup(LegacyEmailCodeStore.PROCESSING_GROUP)
public class LegacyEmailCodeStore {

    static final String PROCESSING_GROUP = "legacy-email-codes";

    /** The stored code of an account. */
    public record StoredCode(String issueId, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {}

    private final JdbcTemplate jdbc;
    private final LegacyEmailCodes codes;

    LegacyEmailCodeStore(JdbcTemplate jdbc, LegacyEmailCodes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    @EventHandler
    void on(LegacyEmailCodeIssued event) {
        String code = codes.codeFor(event.accountId(), event.issueId());
        jdbc.update(
                """
                INSERT INTO legacy_email_code (account_id, issue_id, code_hash, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET issue_id = EXCLUDED.issue_id, code_hash = EXCLUDED.code_hash,
                    issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at, attempts = 0, used_at = NULL""",
                event.accountId(),
                event.issueId(),
                codes.codeHash(event.accountId(), event.issueId(), code),
                Timestamp.from(event.issuedAt()),
                Timestamp.from(event.expiresAt()));
    }

    /** The account's current code, its row locked until the caller's transaction ends. */
    public Optional<StoredCode> findForUpdate(String accountId) {
        return jdbc
                .query(
                        "SELECT issue_id, code_hash, expires_at, attempts, used_at FROM legacy_email_code"
                                + " WHERE account_id = ? FOR UPDATE",
                        (rs, i) -> new StoredCode(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getInt(4),
                                rs.getTimestamp(5) == null
                                        ? null
                                        : rs.getTimestamp(5).toInstant()),
                        accountId)
                .stream()
                .findFirst();
    }

    /** Whether {@code code} is the one of {@code stored}, compared by keyed hash. */
    public boolean matches(String accountId, StoredCode stored, String code) {
        return java.security.MessageDigest.isEqual(
                stored.codeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                codes.codeHash(accountId, stored.issueId(), code).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public void countWrongTry(String accountId) {
        jdbc.update("UPDATE legacy_email_code SET attempts = attempts + 1 WHERE account_id = ?", accountId);
    }

    public void markUsed(String accountId, Instant usedAt) {
        jdbc.update("UPDATE legacy_email_code SET used_at = ? WHERE account_id = ?", Timestamp.from(usedAt), accountId);
    }
}
