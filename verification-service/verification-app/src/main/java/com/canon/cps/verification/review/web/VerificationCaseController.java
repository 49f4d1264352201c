package com.canon.cps.verification.review.web;

import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import com.canon.cps.verification.config.VerificationSettings;
import com.canon.cps.verification.review.domain.ApproveVerification;
import com.canon.cps.verification.review.domain.CaseClosedException;
import com.canon.cps.verification.review.domain.CaseStatus;
import com.canon.cps.verification.review.domain.InformationNotExpectedException;
import com.canon.cps.verification.review.domain.ReasonRequiredException;
import com.canon.cps.verification.review.domain.RejectVerification;
import com.canon.cps.verification.review.domain.RequestVerificationInfo;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import com.canon.cps.verification.review.query.VerificationCaseView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' queue and their decisions (ADR 19): any operator reads the queue and its cases, REVIEWER and ADMIN
 * operators decide; each decision is recorded in the audit trail with who and when. A case of kind {@code CHANGE} (a member's change of company details) is approved
 * or rejected like an application; information can be requested of applicants only.
 */
@RestController
@OperatorAccess.AnyOperator
class VerificationCaseController {

    static final int MAX_REASON_LENGTH = 2000;
    private static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "REQUEST_INFO");

    private final VerificationCaseQueries queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration informationRequestTtl;
    private final OperatorAudit audit;

    VerificationCaseController(
            VerificationCaseQueries queries,
            CommandGateway commands,
            Clock clock,
            VerificationSettings settings,
            OperatorAudit audit) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.informationRequestTtl = settings.informationRequestTtl();
        this.audit = audit;
    }

    @GetMapping("/api/verification/cases")
    List<VerificationCaseView> cases(
            @RequestParam(required = false) String status, @RequestParam(required = false) String accountId) {
        if (status != null
                && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw ApiProblem.invalid("status", "must be one of " + Arrays.toString(CaseStatus.values()));
        }
        return queries.find(status, accountId);
    }

    @GetMapping("/api/verification/cases/{caseId}")
    VerificationCaseView byId(@PathVariable String caseId) {
        return queries.byId(caseId).orElseThrow(() -> ApiProblem.notFound("No case " + caseId));
    }

    @PostMapping("/api/verification/cases/{caseId}/decision")
    @OperatorAccess.Reviewer
    ResponseEntity<DecisionAccepted> decide(
            @PathVariable String caseId,
            @RequestBody(required = false) DecisionRequest request,
            @AuthenticationPrincipal Jwt operator) {
        // a request for information gets a link (its id is public; only the token derived from it is secret)
        Object command = command(
                caseId,
                request,
                operator.getSubject(),
                UUID.randomUUID().toString(),
                clock.instant().plus(informationRequestTtl));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", request.decision());
        details.put("reason", request.reason() == null ? null : request.reason().strip());
        String accountId =
                queries.byId(caseId).map(VerificationCaseView::accountId).orElse(null);
        audit.perform(
                OperatorActions.VERIFICATION_DECIDED,
                OperatorAudit.Subject.of(OperatorActions.CASE, caseId).withAccount(accountId),
                () -> send(command),
                details);
        return ResponseEntity.accepted().body(new DecisionAccepted(caseId, request.decision()));
    }

    /** As {@link #command(String, DecisionRequest, String, String, Instant)}, without a link for information. */
    static Object command(String caseId, DecisionRequest request, String operator) {
        return command(caseId, request, operator, null, null);
    }

    /**
     * Validates the request (400 with {@code errors}) and turns it into the case's command; a request for information
     * gets the link {@code infoRequestId}, working until {@code infoExpiresAt}.
     */
    static Object command(
            String caseId, DecisionRequest request, String operator, String infoRequestId, Instant infoExpiresAt) {
        if (request == null || request.decision() == null || !DECISIONS.contains(request.decision())) {
            throw ApiProblem.invalid("decision", "must be one of APPROVE, REJECT, REQUEST_INFO");
        }
        String reason = request.reason() == null ? null : request.reason().strip();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw ApiProblem.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        if (request.decision().equals("APPROVE")) {
            return new ApproveVerification(caseId, operator);
        }
        if (reason == null || reason.isEmpty()) {
            throw ApiProblem.invalid("reason", "is required to " + request.decision());
        }
        return request.decision().equals("REJECT")
                ? new RejectVerification(caseId, reason, operator)
                : new RequestVerificationInfo(caseId, reason, operator, infoRequestId, infoExpiresAt);
    }

    /** Sends the command; the case's refusals become problems (409 closed, 404 unknown, 400 no reason). */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CaseClosedException closed) {
                    throw ApiProblem.conflict(closed.getMessage());
                }
                if (cause instanceof AggregateNotFoundException) {
                    throw ApiProblem.notFound("No such case");
                }
                if (cause instanceof ReasonRequiredException) {
                    throw ApiProblem.invalid("reason", "is required");
                }
                if (cause instanceof InformationNotExpectedException refused) {
                    throw ApiProblem.invalid("decision", refused.getMessage());
                }
            }
            throw e;
        }
    }
}
