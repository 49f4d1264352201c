package com.canon.cps.account.erasure.web;

import com.canon.cps.platform.security.OperatorAccess;
import com.canon.cps.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN {@code POST /api/accounts/{accountId}/erasure} {@code {"reason"}}: erases a member's personal data (GDPR Art.
 * 17), e.g. on a request that came by letter. Irreversible, hence ADMIN only (ADR 19); recorded in the audit trail
 * ({@code ACCOUNT_ERASED}, with the reason). {@code 202} {@code {"accountId", "status": "ERASED", "erasedAt"}}: the
 * account refuses every command, cannot log in and its e-mail is free at once; its data key is destroyed within
 * seconds. {@code 400} at {@code reason} (blank, over 1000 characters), {@code 404} unknown account, {@code 409}
 * erased already.
 */
@RestController
@OperatorAccess.Admin
class AccountErasureController {

    /** Body: why the account is erased (kept in the audit trail; name no one in it). */
    record ErasureRequest(String reason) {}

    private final AccountErasures erasures;

    AccountErasureController(AccountErasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping("/api/accounts/{accountId}/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccountErasures.Erased erase(
            @PathVariable String accountId, @RequestBody(required = false) ErasureRequest request) {
        // checked here, after the role: a member's or a REVIEWER's request is a 403 whatever its body
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "must not be blank");
        }
        if (reason.length() > 1000) {
            throw ApiProblem.invalid("reason", "size must be between 0 and 1000");
        }
        return erasures.byOperator(accountId, reason);
    }
}
