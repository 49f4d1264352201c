package com.canon.cps.account.auth.store;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.password.PasswordPolicy;
import com.canon.cps.platform.security.OperatorRole;
import com.canon.cps.platform.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators who may log in (ADR 19): those of the configuration ({@code cps.account.operators}, the bootstrap
 * operators: always {@code ADMIN}, cannot be changed here) and those an ADMIN created ({@code operator_account}).
 *
 * <p>Invariants: an e-mail names one operator and is never a member's e-mail; only stored operators change; a disabled
 * operator cannot log in and has no live refresh token (revoked in the transaction that disables it); an operator
 * always has at least one role.
 */
@Component
public class OperatorAccounts {

    /** An operator as the API shows it; {@code configured} ones come from configuration and cannot be changed. */
    public record Operator(
            String operatorId,
            String email,
            String name,
            List<String> roles,
            boolean configured,
            boolean enabled,
            Instant createdAt,
            Instant disabledAt) {}

    /** A new operator and its initial password, which exists only in this answer (its hash is stored). */
    public record Created(Operator operator, String initialPassword) {}

    /** A change refused: the e-mail is taken, the operator is configured or disabled. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Login(Operator operator, String passwordHash) {}

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "operator_id, email, name, roles, created_at, disabled_at, password_hash FROM operator_account";

    private final AccountSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RefreshTokens refreshTokens;
    private final Clock clock;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    OperatorAccounts(
            AccountSettings settings,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            RefreshTokens refreshTokens,
            Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** The operators, configured ones first, then the stored ones by e-mail. */
    public List<Operator> list() {
        List<Operator> all = new ArrayList<>(
                settings.operators().stream().map(OperatorAccounts::configured).toList());
        jdbc.query("SELECT " + COLUMNS + " ORDER BY email", (rs, i) -> stored(rs))
                .forEach(login -> all.add(login.operator()));
        return all;
    }

    public Optional<Operator> byId(String operatorId) {
        return list().stream().filter(o -> o.operatorId().equals(operatorId)).findFirst();
    }

    /** Whether this e-mail (any case) is an operator's, enabled or not: a member may not take it. */
    public boolean isOperatorEmail(String email) {
        return login(email).isPresent();
    }

    /** The enabled operator with this e-mail (any case), if any: whose tokens a login or refresh issues. */
    public Optional<Operator> enabled(String email) {
        return login(email).map(Login::operator).filter(Operator::enabled);
    }

    /**
     * The operator whose e-mail and password these are, if it is enabled; empty for a wrong password, a disabled or
     * an unknown operator of this e-mail (the caller then tries the members).
     */
    public Optional<Optional<Operator>> authenticate(String email, String password) {
        Optional<Login> login = login(email);
        if (login.isEmpty()) {
            return Optional.empty();
        }
        boolean matches = passwords.matches(password, login.get().passwordHash());
        return Optional.of(
                matches && login.get().operator().enabled()
                        ? Optional.of(login.get().operator())
                        : Optional.empty());
    }

    /**
     * Creates an operator with a random initial password (20 characters from 57, about 116 bits), answered once.
     *
     * @throws Refused the e-mail is an operator's or a member's
     */
    public Created create(String email, String name, Collection<OperatorRole> roles, String createdBy) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        String password = randomPassword();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            if (login(normalised).isPresent() || memberEmail(normalised)) {
                throw new Refused("The e-mail " + normalised + " is already an operator's or a member's");
            }
            try {
                jdbc.update(
                        "INSERT INTO operator_account (operator_id, email, name, roles, password_hash, created_at,"
                                + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        id,
                        normalised,
                        name.strip(),
                        join(roles),
                        passwords.encode(password),
                        Timestamp.from(now),
                        createdBy);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new Refused("The e-mail " + normalised + " is already an operator's");
            }
        });
        return new Created(byId(id.toString()).orElseThrow(), password);
    }

    /**
     * Replaces the roles of a stored, enabled operator; they apply from its next login or refresh (within
     * {@code cps.account.token-ttl}).
     */
    public Operator changeRoles(String operatorId, Collection<OperatorRole> roles) {
        Operator operator = changeable(operatorId);
        jdbc.update(
                "UPDATE operator_account SET roles = ? WHERE operator_id = ?",
                join(roles),
                UUID.fromString(operator.operatorId()));
        return byId(operatorId).orElseThrow();
    }

    /** Disables a stored operator and revokes its refresh tokens, in one transaction. */
    public Operator disable(String operatorId) {
        Operator operator = changeable(operatorId);
        transactions.executeWithoutResult(tx -> {
            jdbc.update(
                    "UPDATE operator_account SET disabled_at = ? WHERE operator_id = ? AND disabled_at IS NULL",
                    Timestamp.from(clock.instant()),
                    UUID.fromString(operator.operatorId()));
            refreshTokens.revokeAllOf(RefreshTokens.OPERATOR_PREFIX + operator.email());
        });
        return byId(operatorId).orElseThrow();
    }

    /**
     * A stored operator changes its own password, giving the current one; every refresh token of the operator is
     * revoked in the same transaction (its sessions end; access tokens run out within 15 minutes).
     *
     * @throws Refused a configured operator (its password is in the configuration)
     * @throws ApiProblem 400 at {@code currentPassword} or {@code newPassword}
     */
    public Operator changeOwnPassword(String email, String currentPassword, String newPassword) {
        Login login = login(email).filter(l -> l.operator().enabled()).orElseThrow(() -> new NotFound(email));
        if (login.operator().configured()) {
            throw new Refused("Operator " + login.operator().email() + " is configured; its password is set there");
        }
        if (!passwords.matches(currentPassword, login.passwordHash())) {
            throw ApiProblem.invalid("currentPassword", "is not your current password");
        }
        List<String> violations = new ArrayList<>(
                PasswordPolicy.violations(newPassword, login.operator().email()));
        if (newPassword.equals(currentPassword)) {
            violations.add("must differ from the current password");
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "newPassword: " + String.join("; ", violations),
                    violations.stream()
                            .map(v -> new ApiProblem.FieldError("newPassword", v))
                            .toList());
        }
        String newHash = passwords.encode(newPassword); // slow on purpose: before the transaction
        transactions.executeWithoutResult(tx -> {
            int changed = jdbc.update(
                    "UPDATE operator_account SET password_hash = ? WHERE operator_id = ? AND password_hash = ?"
                            + " AND disabled_at IS NULL",
                    newHash,
                    UUID.fromString(login.operator().operatorId()),
                    login.passwordHash());
            if (changed != 1) {
                throw ApiProblem.invalid("currentPassword", "is not your current password");
            }
            refreshTokens.revokeAllOf(
                    RefreshTokens.OPERATOR_PREFIX + login.operator().email());
        });
        return login.operator();
    }

    private Operator changeable(String operatorId) {
        Operator operator = byId(operatorId).orElseThrow(() -> new NotFound(operatorId));
        if (operator.configured()) {
            throw new Refused("Operator " + operator.email() + " is configured; change it in the configuration");
        }
        if (!operator.enabled()) {
            throw new Refused("Operator " + operator.email() + " is disabled");
        }
        return operator;
    }

    /** No operator of this id. */
    public static final class NotFound extends RuntimeException {
        NotFound(String operatorId) {
            super("No operator " + operatorId);
        }
    }

    private Optional<Login> login(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Optional<Login> configured = settings.operators().stream()
                .filter(o -> o.email().equalsIgnoreCase(normalised))
                .findFirst()
                .map(o -> new Login(configured(o), o.passwordHash()));
        if (configured.isPresent()) {
            return configured;
        }
        return jdbc.query("SELECT " + COLUMNS + " WHERE email = ?", (rs, i) -> stored(rs), normalised).stream()
                .findFirst();
    }

    private boolean memberEmail(String email) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM account_email WHERE email = ?", Integer.class, email);
        return count != null && count > 0;
    }

    /**
     * A configured operator: ADMIN, with a stable id derived from its e-mail (so the audit trail names it the same
     * after a restart) and its configured name, else its e-mail.
     */
    private static Operator configured(AccountSettings.Operator o) {
        String email = o.email().strip().toLowerCase(Locale.ROOT);
        return new Operator(
                UUID.nameUUIDFromBytes((RefreshTokens.OPERATOR_PREFIX + email).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                email,
                o.name() == null || o.name().isBlank() ? email : o.name().strip(),
                List.of(OperatorRole.ADMIN.name()),
                true,
                true,
                null,
                null);
    }

    private static Login stored(ResultSet rs) throws SQLException {
        Timestamp disabledAt = rs.getTimestamp(6);
        return new Login(
                new Operator(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Arrays.asList(rs.getString(4).split(",")),
                        false,
                        disabledAt == null,
                        rs.getTimestamp(5).toInstant(),
                        disabledAt == null ? null : disabledAt.toInstant()),
                rs.getString(7));
    }

    private static String join(Collection<OperatorRole> roles) {
        return String.join(
                ",", roles.stream().distinct().sorted().map(OperatorRole::name).toList());
    }

    private static String randomPassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
