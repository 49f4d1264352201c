package com.canon.cps.account.password;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Member passwords ({@code account_credential}), never in events. Hashed with BCrypt (cost 10) through Spring
 * Security's delegating encoder: each hash names its algorithm ({@code {bcrypt}...}), so a later move to Argon2 can
 * re-hash on the next successful login without invalidating existing passwords.
 */
@Component
public class MemberCredentials {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when there is nothing to compare with, so that every failed login costs one hash. */
    private final String dummyHash = encoder.encode("no-such-member-password");

    MemberCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account whose contact e-mail and password these are, if any. An unknown e-mail, an account without a
     * password and a wrong password are indistinguishable, also in time.
     */
    public Optional<String> authenticate(String email, String password) {
        List<String[]> rows = jdbc.query(
                "SELECT c.account_id, c.password_hash FROM account_email e"
                        + " JOIN account_credential c ON c.account_id = e.account_id WHERE e.email = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                email.trim().toLowerCase(Locale.ROOT));
        String[] row = rows.isEmpty() ? null : rows.get(0);
        // BCrypt compares only the first 72 bytes; no stored password is longer, so a longer one can only be wrong
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES;
        boolean matches = encoder.matches(password, row == null ? dummyHash : row[1]);
        return row != null && matches && !tooLong ? Optional.of(row[0]) : Optional.empty();
    }

    /**
     * The stored hash of the account's password if {@code password} is that password (costs one hash either way).
     */
    Optional<String> hashIfMatches(String accountId, String password) {
        List<String> rows = jdbc.queryForList(
                "SELECT password_hash FROM account_credential WHERE account_id = ?", String.class, accountId);
        String stored = rows.isEmpty() ? null : rows.get(0);
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES;
        boolean matches = encoder.matches(password, stored == null ? dummyHash : stored);
        return stored != null && matches && !tooLong ? Optional.of(stored) : Optional.empty();
    }

    /** Whether {@code password} is the account's password (costs one hash either way). */
    public boolean isPasswordOf(String accountId, String password) {
        return hashIfMatches(accountId, password).isPresent();
    }

    /** Replaces the password of the account if its hash is still {@code expectedHash}; false otherwise. */
    boolean replaceIfUnchanged(String accountId, String expectedHash, String passwordHash, Instant setAt) {
        return jdbc.update(
                        "UPDATE account_credential SET password_hash = ?, set_at = ? WHERE account_id = ?"
                                + " AND password_hash = ?",
                        passwordHash,
                        Timestamp.from(setAt),
                        accountId,
                        expectedHash)
                == 1;
    }

    /** The account whose contact e-mail (login name) this is, whether or not it has a password yet. */
    Optional<String> accountOf(String email) {
        return jdbc
                .queryForList(
                        "SELECT account_id FROM account_email WHERE email = ?",
                        String.class,
                        email.trim().toLowerCase(Locale.ROOT))
                .stream()
                .findFirst();
    }

    /** Whether the account has a password (so its member may log in, and keep a session). */
    public boolean hasPassword(String accountId) {
        return !jdbc.queryForList("SELECT 1 FROM account_credential WHERE account_id = ?", Integer.class, accountId)
                .isEmpty();
    }

    /** The contact e-mail of an account (the login name), from the one-account-per-e-mail claim. */
    Optional<String> emailOf(String accountId) {
        return jdbc
                .queryForList("SELECT email FROM account_email WHERE account_id = ?", String.class, accountId)
                .stream()
                .findFirst();
    }

    /** Hashes a password; slow by design (~65 ms), so call it outside database transactions. */
    String hash(String password) {
        return encoder.encode(password);
    }

    /** Replaces the password of an account that has one; false if it has none. */
    boolean replace(String accountId, String passwordHash, Instant setAt) {
        return jdbc.update(
                        "UPDATE account_credential SET password_hash = ?, set_at = ? WHERE account_id = ?",
                        passwordHash,
                        Timestamp.from(setAt),
                        accountId)
                == 1;
    }

    /** Stores the first password of an account; false if it already has one. */
    boolean storeFirst(String accountId, String passwordHash, Instant setAt) {
        return jdbc.update(
                        "INSERT INTO account_credential (account_id, password_hash, set_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        accountId,
                        passwordHash,
                        Timestamp.from(setAt))
                == 1;
    }
}
