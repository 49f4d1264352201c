package com.canon.cps.account.auth;

import com.canon.cps.account.password.PasswordChanges;
import com.canon.cps.platform.security.CurrentMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

    PasswordChangeController(PasswordChanges passwords, RefreshTokens refreshTokens) {
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
    }

    @PostMapping("/api/accounts/me/password")
    @PreAuthorize("hasRole('MEMBER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@Valid @RequestBody ChangePasswordRequest request, @AuthenticationPrincipal Jwt jwt) {
        String accountId = CurrentMember.accountId(jwt);
        passwords.change(
                accountId,
                request.currentPassword(),
                request.newPassword(),
                () -> refreshTokens.revokeAllOfExceptFamilyOf(accountId, request.keepRefreshToken()));
    }
}
