package com.canon.cps.account.password;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/password-reset} (no token): 202 for any well-formed address, without a hint whether an account
 * has it; an active account gets an e-mail with a reset link, redeemed at {@code POST /api/accounts/password}.
 */
@RestController
class PasswordResetController {

    /** Body: the contact e-mail of the account (its login name). */
    record PasswordResetRequest(
            @NotBlank @Email @Size(max = 320) String email) {}

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody PasswordResetRequest request) {
        resets.request(request.email());
    }
}
