package com.canon.cps.platform.deadletter;

import com.canon.cps.platform.audit.AuditEntry;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' dead letters of this service (docs/api.md, "Operations"): any operator lists and inspects them, an ADMIN
 * re-drives and discards them, each recorded in the audit trail (ADR 19).
 */
@RestController
@RequestMapping("/admin/dead-letters")
@OperatorAccess.AnyOperator
public class DeadLetterController {

    /** A dead letter as {@code GET /admin/dead-letters/{id}} shows it: the letter and the operator actions on it. */
    public record Details(
            String id,
            String source,
            String key,
            String type,
            String error,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt,
            String payload,
            Map<String, String> headers,
            List<AuditEntry> operatorActions) {}

    private final DeadLetters deadLetters;
    private final OperatorAudit audit;

    public DeadLetterController(DeadLetters deadLetters, OperatorAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    public List<DeadLetter.Summary> list() {
        return deadLetters.list().stream().map(DeadLetter::summary).toList();
    }

    @GetMapping("/{id}")
    public Details get(@PathVariable String id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> notFound(id));
        return new Details(
                letter.id(),
                letter.source(),
                letter.key(),
                letter.type(),
                letter.error(),
                letter.attempts(),
                letter.firstFailedAt(),
                letter.lastFailedAt(),
                letter.payload(),
                letter.headers(),
                audit.of(letter.id(), 50));
    }

    @PostMapping("/{id}/retry")
    @OperatorAccess.Admin
    public RetryResult retry(@PathVariable String id) {
        RetryResult result = deadLetters.retry(id).orElseThrow(() -> notFound(id));
        Map<String, Object> details = new HashMap<>();
        details.put("outcome", result.outcome().name());
        details.put("error", result.error());
        audit.record(
                OperatorActions.DEAD_LETTER_REDRIVEN,
                OperatorAudit.Subject.of(OperatorActions.DEAD_LETTER, id),
                details);
        return result;
    }

    @PostMapping("/retry-all")
    @OperatorAccess.Admin
    public RetryAllResult retryAll() {
        RetryAllResult result = deadLetters.retryAll();
        audit.record(
                OperatorActions.DEAD_LETTERS_REDRIVEN,
                OperatorAudit.Subject.of(OperatorActions.DEAD_LETTER, "*"),
                Map.of("attempted", result.attempted(), "processed", result.processed(), "failed", result.failed()));
        return result;
    }

    @DeleteMapping("/{id}")
    @OperatorAccess.Admin
    public ResponseEntity<Void> discard(
            @PathVariable String id,
            @Valid @RequestBody DiscardRequest request,
            @AuthenticationPrincipal Jwt operator) {
        String reason = request.reason().strip();
        if (!deadLetters.discard(id, OperatorIdentity.of(operator).label(), reason)) {
            throw notFound(id);
        }
        audit.record(
                OperatorActions.DEAD_LETTER_DISCARDED,
                OperatorAudit.Subject.of(OperatorActions.DEAD_LETTER, id),
                Map.of("reason", reason));
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("No open dead letter " + id);
    }
}
