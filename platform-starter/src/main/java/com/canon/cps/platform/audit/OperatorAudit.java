package com.canon.cps.platform.audit;

import com.canon.cps.platform.security.OperatorIdentity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' audit trail of this service ({@code operator_audit}, ADR 19): every operator action, with who (from
 * the operator's token) and when. Services record with {@link #perform} (the action and its entry in one
 * transaction, the entry only if the action succeeded) or {@link #record} (right after an action that is not one
 * transaction); operators read it at {@code GET /admin/audit} and on the thing an action touched.
 */
public class OperatorAudit {

    /** At most this many entries per read. */
    public static final int MAX_LIMIT = 1000;

    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    public OperatorAudit(
            JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock, String service) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    /** What an action touched: a subject of {@link OperatorActions}' types, and the member account if there is one. */
    public record Subject(String type, String id, String accountId) {

        public static Subject of(String type, String id) {
            return new Subject(type, id, null);
        }

        public Subject withAccount(String accountId) {
            return new Subject(type, id, accountId);
        }
    }

    /**
     * Runs {@code work} and records {@code action} on {@code subject} with the details its result gives, in one
     * transaction (an action that joins it, as a command sent with Axon's Spring transaction manager does, commits
     * with its entry or not at all). An action that fails records nothing.
     */
    public <T> T perform(
            String action, Subject subject, Supplier<T> work, Function<? super T, Map<String, ?>> details) {
        OperatorIdentity operator = operator();
        return transactions.execute(tx -> {
            T result = work.get();
            insert(operator, action, subject, details.apply(result));
            return result;
        });
    }

    /** As {@link #perform} for an action without a result. */
    public void perform(String action, Subject subject, Runnable work, Map<String, ?> details) {
        perform(
                action,
                subject,
                () -> {
                    work.run();
                    return Boolean.TRUE;
                },
                ignored -> details);
    }

    /** Records an action the current operator performed (in the caller's transaction, if there is one). */
    public AuditEntry record(String action, Subject subject, Map<String, ?> details) {
        return insert(operator(), action, subject, details);
    }

    /** Records an action of {@code operator}. */
    public AuditEntry record(OperatorIdentity operator, String action, Subject subject, Map<String, ?> details) {
        return insert(operator, action, subject, details);
    }

    /**
     * Entries, newest first.
     *
     * @param subject matches the subject id or the account id; null for any
     * @param operator matches the operator's id or e-mail (case-insensitive); null for any
     * @param action an action name; null for any
     * @param since only entries at or after this instant; null for any
     * @param limit at most this many (1 to {@link #MAX_LIMIT})
     */
    public List<AuditEntry> find(String subject, String operator, String action, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT audit_id, at, operator_id, operator_email, operator_name, action,"
                + " subject_type, subject_id, account_id, details FROM operator_audit WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (subject != null) {
            sql.append(" AND (subject_id = ? OR account_id = ?)");
            args.add(subject);
            args.add(subject);
        }
        if (operator != null) {
            sql.append(" AND (operator_id = ? OR lower(operator_email) = lower(?))");
            args.add(operator);
            args.add(operator);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        if (since != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(since));
        }
        sql.append(" ORDER BY at DESC, seq DESC LIMIT ?");
        args.add(Math.max(1, Math.min(limit, MAX_LIMIT)));
        return jdbc.query(sql.toString(), (rs, i) -> entry(rs), args.toArray());
    }

    /** The entries of one subject (or account), newest first, at most {@code limit}. */
    public List<AuditEntry> of(String subjectId, int limit) {
        return find(subjectId, null, null, null, limit);
    }

    /** The latest entry of a subject, if any. */
    public Optional<AuditEntry> latest(String subjectType, String subjectId) {
        return jdbc
                .query(
                        "SELECT audit_id, at, operator_id, operator_email, operator_name, action, subject_type,"
                                + " subject_id, account_id, details FROM operator_audit"
                                + " WHERE subject_type = ? AND subject_id = ? ORDER BY at DESC, seq DESC LIMIT 1",
                        (rs, i) -> entry(rs),
                        subjectType,
                        subjectId)
                .stream()
                .findFirst();
    }

    private AuditEntry insert(OperatorIdentity operator, String action, Subject subject, Map<String, ?> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> copy.put(k, v));
        }
        AuditEntry entry = new AuditEntry(
                UUID.randomUUID().toString(),
                clock.instant(),
                service,
                operator.id(),
                operator.email(),
                operator.name(),
                action,
                subject.type(),
                subject.id(),
                subject.accountId(),
                copy);
        jdbc.update(
                "INSERT INTO operator_audit (audit_id, at, operator_id, operator_email, operator_name, action,"
                        + " subject_type, subject_id, account_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(entry.auditId()),
                Timestamp.from(entry.at()),
                entry.operatorId(),
                entry.operatorEmail(),
                entry.operatorName(),
                action,
                subject.type(),
                subject.id(),
                subject.accountId(),
                json.writeValueAsString(copy));
        return entry;
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                service,
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                json.readValue(rs.getString(10), DETAILS));
    }

    private static OperatorIdentity operator() {
        return OperatorIdentity.current()
                .orElseThrow(() -> new IllegalStateException("An operator action outside an operator's request"));
    }
}
