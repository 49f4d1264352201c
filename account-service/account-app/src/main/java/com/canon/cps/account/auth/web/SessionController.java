package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.OperatorAccounts;
import com.canon.cps.account.auth.store.RefreshTokens;
import com.canon.cps.account.password.MemberCredentials;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/refresh} (the next access and refresh token for a refresh token, which is used up) and
 * {@code POST /api/auth/logout} (ends the session: revokes the refresh token's family). No access token needed: the
 * refresh token is the proof. A refresh is also refused, and its family revoked, when its holder can no longer log in
 * (an operator removed from the configuration or disabled, a member without a password).
 */
@RestController
class SessionController {

    /** Body of both endpoints. */
    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokens;
    private final OperatorAccounts operators;
    private final MemberCredentials members;

    SessionController(
            RefreshTokens refreshTokens, TokenIssuer tokens, OperatorAccounts operators, MemberCredentials members) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.operators = operators;
        this.members = members;
    }

    @PostMapping("/api/auth/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        RefreshTokens.Rotated rotated = refreshTokens
                .rotate(request.refreshToken(), this::mayStillLogIn)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED, "Unauthorized", "The refresh token is unknown, expired or revoked"));
        return tokens.issue(current(rotated.holder()), rotated.next());
    }

    /** Idempotent: an unknown, used or revoked token gets 204 as well. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        refreshTokens.revokeFamilyOf(request.refreshToken());
    }

    private boolean mayStillLogIn(RefreshTokens.Holder holder) {
        if (holder.subject().startsWith(RefreshTokens.OPERATOR_PREFIX)) {
            return operators.enabled(operatorEmail(holder)).isPresent();
        }
        return members.hasPassword(holder.subject());
    }

    /** An operator's tokens carry its roles and name as they are now (an ADMIN may have changed them). */
    private RefreshTokens.Holder current(RefreshTokens.Holder holder) {
        if (!holder.subject().startsWith(RefreshTokens.OPERATOR_PREFIX)) {
            return holder;
        }
        return operators
                .enabled(operatorEmail(holder))
                .map(RefreshTokens.Holder::of)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED, "Unauthorized", "The refresh token is unknown, expired or revoked"));
    }

    private static String operatorEmail(RefreshTokens.Holder holder) {
        return holder.subject().substring(RefreshTokens.OPERATOR_PREFIX.length());
    }
}
