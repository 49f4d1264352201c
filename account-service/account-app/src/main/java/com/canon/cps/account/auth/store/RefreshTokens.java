package com.canon.cps.account.auth.store;

import com.canon.cps.platform.hashing.Sha256;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating refresh tokens ({@code refresh_token}), so that a client keeps a session longer than one access token.
 *
 * <p>A token is 256 random bits (base64url); only its SHA-256 is stored, with its family (every token descended from
 * one login), the holder and the family's absolute expiry, which a rotation never extends. Each token is good for one
 * refresh: it is used up and its successor issued in one transaction, the row locked, so of two concurrent refreshes
 * with one token only one succeeds. A token presented again after its use (or after a revocation) is taken as stolen:
 * the whole family is revoked, the legitimate holder's current token included. Lifetimes use real time, like the
 * access tokens (local mode can move the business clock).
 */
@Component
public class RefreshTokens {

    /** The subject of an operator's refresh tokens: this prefix and the operator's e-mail (a member's is its account id). */
    public static final String OPERATOR_PREFIX = "operator:";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Who a family belongs to: what each access token issued for it says. An operator's also names the operator
     * ({@code operatorId}, {@code name}; not stored with the tokens, looked up again on each refresh).
     */
    public record Holder(String subject, String email, List<String> roles, String operatorId, String name) {

        public Holder(String subject, String email, List<String> roles) {
            this(subject, email, roles, null, null);
        }

        public static Holder of(OperatorAccounts.Operator operator) {
            List<String> roles = new java.util.ArrayList<>(List.of("OPERATOR"));
            roles.addAll(operator.roles());
            return new Holder(
                    RefreshTokens.OPERATOR_PREFIX + operator.email(),
                    operator.email(),
                    List.copyOf(roles),
                    operator.operatorId(),
                    operator.name());
        }
    }

    /** A token handed out, with the (absolute) end of its family and the seconds left until then. */
    public record Issued(String token, Instant expiresAt, long expiresIn) {}

    /** A successful refresh: the family's holder and the token that replaces the one used. */
    public record Rotated(Holder holder, Issued next) {}

    private record Stored(String familyId, Holder holder, Instant expiresAt, Instant usedAt, Instant revokedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RefreshTokens(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A new family for a login, living {@code ttl}; the holder's expired tokens are cleared out on the way. */
    public Issued start(Holder holder, Duration ttl) {
        Instant now = Instant.now();
        jdbc.update(
                "DELETE FROM refresh_token WHERE subject = ? AND expires_at < ?",
                holder.subject(),
                Timestamp.from(now));
        return insert(UUID.randomUUID().toString(), holder, now, now.plus(ttl));
    }

    /**
     * Uses {@code token} up and issues its successor in the same family. Empty when the token is unknown, expired,
     * already used or revoked (the last two revoke its family, as does a holder no longer {@code allowed}).
     */
    public Optional<Rotated> rotate(String token, Predicate<Holder> allowed) {
        return transactions.execute(tx -> {
            Instant now = Instant.now();
            Stored stored = find(token).orElse(null);
            if (stored == null || !now.isBefore(stored.expiresAt())) {
                return Optional.empty();
            }
            if (stored.usedAt() != null || stored.revokedAt() != null || !allowed.test(stored.holder())) {
                revokeFamily(stored.familyId(), now);
                return Optional.empty();
            }
            jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now), hash(token));
            Issued next = insert(stored.familyId(), stored.holder(), now, stored.expiresAt());
            return Optional.of(new Rotated(stored.holder(), next));
        });
    }

    /** Revokes the family of {@code token} (logout); an unknown token changes nothing. */
    public void revokeFamilyOf(String token) {
        find(token).ifPresent(stored -> revokeFamily(stored.familyId(), Instant.now()));
    }

    /** Revokes every token of {@code subject}, e.g. when its password changed. */
    public void revokeAllOf(String subject) {
        jdbc.update(
                "UPDATE refresh_token SET revoked_at = ? WHERE subject = ? AND revoked_at IS NULL",
                Timestamp.from(Instant.now()),
                subject);
    }

    /**
     * Revokes every token of {@code subject} but those of the family of {@code keep}, if that is a live (unused,
     * unrevoked, unexpired) token of the subject; otherwise every token.
     */
    public void revokeAllOfExceptFamilyOf(String subject, String keep) {
        Instant now = Instant.now();
        String keptFamily = keep == null
                ? null
                : find(keep)
                        .filter(t -> t.holder().subject().equals(subject))
                        .filter(t -> t.usedAt() == null && t.revokedAt() == null && now.isBefore(t.expiresAt()))
                        .map(Stored::familyId)
                        .orElse(null);
        jdbc.update(
                "UPDATE refresh_token SET revoked_at = ? WHERE subject = ? AND revoked_at IS NULL"
                        + " AND family_id IS DISTINCT FROM ?",
                Timestamp.from(now),
                subject,
                keptFamily);
    }

    /** The holder of {@code subject}'s tokens has a new e-mail (the login name). */
    public void renameHolder(String subject, String email) {
        jdbc.update("UPDATE refresh_token SET email = ? WHERE subject = ?", email, subject);
    }

    private void revokeFamily(String familyId, Instant now) {
        jdbc.update(
                "UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(now),
                familyId);
    }

    private Issued insert(String familyId, Holder holder, Instant now, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO refresh_token (token_hash, family_id, subject, email, roles, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                hash(token),
                familyId,
                holder.subject(),
                holder.email(),
                String.join(",", holder.roles()),
                Timestamp.from(now),
                Timestamp.from(expiresAt));
        return new Issued(
                token, expiresAt, Math.max(0, Duration.between(now, expiresAt).toSeconds()));
    }

    /** The stored token, its row locked when inside a transaction. */
    private Optional<Stored> find(String token) {
        return jdbc
                .query(
                        "SELECT family_id, subject, email, roles, expires_at, used_at, revoked_at FROM refresh_token"
                                + " WHERE token_hash = ? FOR UPDATE",
                        (rs, i) -> new Stored(
                                rs.getString(1),
                                new Holder(
                                        rs.getString(2),
                                        rs.getString(3),
                                        List.of(rs.getString(4).split(","))),
                                instant(rs, 5),
                                instant(rs, 6),
                                instant(rs, 7)),
                        hash(token))
                .stream()
                .findFirst();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Lower-case hex SHA-256: a full-entropy token needs no salt or slow hash, and can be looked up by index. */
    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
