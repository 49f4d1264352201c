package com.canon.cps.account.operator;

import com.canon.cps.account.auth.store.OperatorAccounts;
import com.canon.cps.platform.audit.OperatorActions;
import com.canon.cps.platform.audit.OperatorAudit;
import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.security.OperatorIdentity;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any operator {@code POST /api/operators/me/password}: an operator an ADMIN created replaces its initial (or current)
 * password, giving the current one, under the members' password rules (ADR 19). Its sessions end (refresh tokens
 * revoked); 204. A configured operator's password is in the configuration (409). Recorded in the audit trail.
 */
@RestController
@OperatorAccess.AnyOperator
class OwnPasswordController {

    /** The action in the audit trail. */
    static final String OPERATOR_PASSWORD_CHANGED = "OPERATOR_PASSWORD_CHANGED";

    /** Body: the current password and the new one. */
    record ChangeOwnPassword(
            @NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {}

    private final OperatorAccounts operators;
    private final OperatorAudit audit;

    OwnPasswordController(OperatorAccounts operators, OperatorAudit audit) {
        this.operators = operators;
        this.audit = audit;
    }

    @PostMapping("/api/operators/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@Valid @RequestBody ChangeOwnPassword request, @AuthenticationPrincipal Jwt jwt) {
        String email = OperatorIdentity.of(jwt).email();
        if (email == null) {
            throw ApiProblem.conflict("This token names no operator account");
        }
        OperatorAccounts.Operator operator;
        try {
            operator = operators.changeOwnPassword(email, request.currentPassword(), request.newPassword());
        } catch (OperatorAccounts.Refused e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (OperatorAccounts.NotFound e) {
            throw ApiProblem.conflict("This token names no enabled operator account");
        }
        audit.record(
                OPERATOR_PASSWORD_CHANGED,
                OperatorAudit.Subject.of(OperatorActions.OPERATOR, operator.operatorId()),
                Map.of("email", operator.email()));
    }
}
