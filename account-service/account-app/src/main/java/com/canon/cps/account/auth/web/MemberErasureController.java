package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.LoginThrottle;
import com.canon.cps.account.erasure.web.AccountErasures;
import com.canon.cps.platform.security.ClientAddress;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * MEMBER {@code POST /api/accounts/me/erasure} {@code {"currentPassword", "reason"}}: the signed-in member erases its
 * own account (GDPR Art. 17). docs/api.md asks only for the member's token, so the body is optional; a client that asks the
 * person again (the portal always does) sends the current password, which must then be right: guessing is throttled as
 * a password change is. {@code 202} as the operator's erasure; {@code 400} at {@code currentPassword} (wrong: nothing
 * changes) or {@code reason} (over 1000 characters; it may be left out).
 */
@RestController
class MemberErasureController {

    /** Body: the current password, and optionally why. */
    record MemberErasureRequest(
            @Size(max = 200) String currentPassword,
            @Size(max = 1000) String reason) {}

    private final AccountErasures erasures;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    MemberErasureController(AccountErasures erasures, LoginThrottle throttle, ClientAddress clientAddress) {
        this.erasures = erasures;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/api/accounts/me/erasure")
    @PreAuthorize("hasRole('MEMBER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccountErasures.Erased erase(
            @Valid @RequestBody(required = false) MemberErasureRequest body,
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http) {
        MemberErasureRequest request = body != null ? body : new MemberErasureRequest(null, null);
        String accountId = CurrentMember.accountId(jwt);
        String who = "member:" + accountId; // the same count as the password change's check of the current password
        String source = clientAddress.of(http);
        Optional<Duration> locked = throttle.lockedFor(who, source);
        if (locked.isPresent()) {
            throw new TooManyAttempts(locked.get());
        }
        AccountErasures.Erased erased;
        try {
            erased = erasures.byMember(
                    accountId, request.currentPassword(), request.reason() == null ? "" : request.reason());
        } catch (ApiProblem refused) {
            if (refused.errors().stream().anyMatch(e -> e.field().equals("currentPassword"))) {
                throttle.failed(who, source);
            }
            throw refused;
        }
        return erased;
    }
}
