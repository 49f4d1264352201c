package com.canon.cps.account.onboarding.web;

import com.canon.cps.account.onboarding.query.MemberAccountQueries;
import com.canon.cps.account.onboarding.query.MemberAccountView;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/accounts/me}: the signed-in member's own account; the account id is the token's subject, nothing else. */
@RestController
class MyAccountController {

    private final MemberAccountQueries accounts;

    MyAccountController(MemberAccountQueries accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/accounts/me")
    @PreAuthorize("hasRole('MEMBER')")
    MyAccountResponse me(@AuthenticationPrincipal Jwt jwt) {
        MemberAccountView view = accounts.byId(CurrentMember.accountId(jwt))
                .filter(v -> !"ERASED".equals(v.status())) // an erased account has nothing to show
                .orElseThrow(() -> ApiProblem.notFound("No account for this member"));
        return MyAccountResponse.of(view);
    }
}
