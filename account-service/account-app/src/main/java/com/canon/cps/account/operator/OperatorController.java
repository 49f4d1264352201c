package com.canon.cps.account.operator;

import com.canon.cps.account.auth.store.OperatorAccounts;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.security.OperatorRole;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN only: operator accounts (ADR 19). {@code POST /api/operators} creates one and answers its initial password once
 * (201); {@code GET /api/operators} lists them; {@code PATCH /api/operators/{id}} with {@code roles} replaces the roles;
 * {@code POST /api/operators/{id}/disable} disables it (no more logins, refresh tokens revoked). The configured
 * (bootstrap) operators are listed but cannot be changed here (409). Each change is in the audit trail.
 */
@RestController
@OperatorAccess.Admin
class OperatorController {

    /** Body of {@code POST /api/operators}. */
    record CreateOperator(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 1, max = 3) List<@NotBlank @Size(max = 20) String> roles) {}

    /** Body of {@code PATCH /api/operators/{id}}: the new roles. */
    record ChangeRoles(@NotNull @Size(min = 1, max = 3) List<@NotBlank @Size(max = 20) String> roles) {}

    /** The answer to a creation: the operator and its initial password, shown only here. */
    record Created(OperatorAccounts.Operator operator, String initialPassword) {}

    private final OperatorAccounts operators;
    private final OperatorAudit audit;
    private final TransactionTemplate transactions;

    OperatorController(OperatorAccounts operators, OperatorAudit audit, TransactionTemplate transactions) {
        this.operators = operators;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping("/api/operators")
    List<OperatorAccounts.Operator> list() {
        return operators.list();
    }

    @PostMapping("/api/operators")
    ResponseEntity<Created> create(@Valid @RequestBody CreateOperator request) {
        Set<OperatorRole> roles = roles(request.roles());
        String createdBy = OperatorIdentity.current().orElseThrow().label();
        // the operator and its entry in one transaction; the entry's subject is the id the creation gives
        OperatorAccounts.Created created = refusalsAsProblems(() -> transactions.execute(tx -> {
            OperatorAccounts.Created c = operators.create(request.email(), request.name(), roles, createdBy);
            audit.record(
                    OperatorActions.OPERATOR_CREATED,
                    OperatorAudit.Subject.of(
                            OperatorActions.OPERATOR, c.operator().operatorId()),
                    details(c.operator()));
            return c;
        }));
        return ResponseEntity.created(
                        URI.create("/api/operators/" + created.operator().operatorId()))
                .body(new Created(created.operator(), created.initialPassword()));
    }

    @PatchMapping("/api/operators/{operatorId}")
    OperatorAccounts.Operator changeRoles(@PathVariable String operatorId, @Valid @RequestBody ChangeRoles request) {
        Set<OperatorRole> roles = roles(request.roles());
        OperatorAccounts.Operator before = find(operatorId);
        return refusalsAsProblems(() -> audit.perform(
                OperatorActions.OPERATOR_ROLES_CHANGED,
                OperatorAudit.Subject.of(OperatorActions.OPERATOR, operatorId),
                () -> operators.changeRoles(operatorId, roles),
                after -> Map.of("email", after.email(), "roles", after.roles(), "previousRoles", before.roles())));
    }

    @PostMapping("/api/operators/{operatorId}/disable")
    OperatorAccounts.Operator disable(@PathVariable String operatorId) {
        find(operatorId);
        return refusalsAsProblems(() -> audit.perform(
                OperatorActions.OPERATOR_DISABLED,
                OperatorAudit.Subject.of(OperatorActions.OPERATOR, operatorId),
                () -> operators.disable(operatorId),
                disabled -> Map.of("email", disabled.email())));
    }

    private OperatorAccounts.Operator find(String operatorId) {
        return operators.byId(operatorId).orElseThrow(() -> ApiProblem.notFound("No operator " + operatorId));
    }

    private static Set<OperatorRole> roles(List<String> names) {
        Set<OperatorRole> roles = new TreeSet<>();
        for (String name : names) {
            roles.add(OperatorRole.named(name.strip())
                    .orElseThrow(() -> ApiProblem.invalid("roles", "must each be one of REVIEWER, BILLING, ADMIN")));
        }
        return roles;
    }

    private static Map<String, Object> details(OperatorAccounts.Operator operator) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operatorId", operator.operatorId());
        details.put("email", operator.email());
        details.put("name", operator.name());
        details.put("roles", new ArrayList<>(operator.roles()));
        return details;
    }

    private static <T> T refusalsAsProblems(Supplier<T> change) {
        try {
            return change.get();
        } catch (OperatorAccounts.Refused e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (OperatorAccounts.NotFound e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }
}
