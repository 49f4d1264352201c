package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.LoginThrottle;
import com.canon.cps.account.auth.store.RefreshTokens;
import com.canon.cps.account.password.PasswordChanges;
import com.canon.cps.platform.security.ClientAddress;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
 * MEMBER {@code POST /api/accounts/me/password}: the signed-in member changes its password, giving the current one.
 * Every session of the account ends (its refresh tokens are revoked), except the one whose refresh token the caller
 * passes as {@code keepRefreshToken}; access tokens already issued run out on their own (at most 15 minutes).
 */
@RestController
class PasswordChangeController {

    /** Body: the current password, the new one, and optionally the caller's own refresh token to stay signed in. */
    record ChangePasswordRequest(
            @NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword,
            @Size(max = 200) String keepRefreshToken) {}

    private final PasswordChanges passwords;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    PasswordChangeController(
            PasswordChanges passwords,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            ClientAddress clientAddress) {
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @PostMapping("/api/accounts/me/password")
    @PreAuthorize("hasRole('MEMBER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(
            @Valid @RequestBody ChangePasswordRequest request,
            @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest http) {
        String accountId = CurrentMember.accountId(jwt);
        // guessing the current password with a stolen access token is throttled as a login is: per account and source
        // (and per source), never for the account from everywhere, and on its own count, so the owner can still log in
        String who = "member:" + accountId;
        String source = clientAddress.of(http);
        Optional<Duration> locked = throttle.lockedFor(who, source);
        if (locked.isPresent()) {
            throw new TooManyAttempts(locked.get());
        }
        try {
            passwords.change(
                    accountId,
                    request.currentPassword(),
                    request.newPassword(),
                    () -> refreshTokens.revokeAllOfExceptFamilyOf(accountId, request.keepRefreshToken()));
        } catch (ApiProblem refused) {
            if (refused.errors().stream().anyMatch(e -> e.field().equals("currentPassword"))) {
                throttle.failed(who, source);
            }
            throw refused;
        }
        throttle.succeeded(who, source);
    }
}
