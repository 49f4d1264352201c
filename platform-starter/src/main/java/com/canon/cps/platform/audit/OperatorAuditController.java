package com.canon.cps.platform.audit;

import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any operator: {@code GET /admin/audit} (through the entry point {@code /admin/<service>/audit}), this service's
 * audit trail, newest first. {@code subject} (a subject id, e.g. a case, invoice, projection or dead letter, or an
 * account id), {@code operator} (id or e-mail), {@code action}, {@code since} (ISO-8601 instant), {@code limit}
 * (default 100, at most 1000) narrow it.
 */
@RestController
@OperatorAccess.AnyOperator
public class OperatorAuditController {

    private final OperatorAudit audit;

    public OperatorAuditController(OperatorAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    public List<AuditEntry> audit(
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String since,
            @RequestParam(required = false, defaultValue = "100") String limit) {
        return audit.find(
                text("subject", subject, 400),
                text("operator", operator, 320),
                text("action", action, 64),
                instant(since),
                limit(limit));
    }

    private static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiProblem.invalid(name, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("since", "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z");
        }
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= OperatorAudit.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.invalid("limit", "must be a whole number from 1 to " + OperatorAudit.MAX_LIMIT);
    }
}
