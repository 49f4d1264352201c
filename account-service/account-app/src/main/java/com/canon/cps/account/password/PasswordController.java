package com.canon.cps.account.password;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/accounts/password} (no token needed: the setup link is the proof). */
@RestController
class PasswordController {

    /** Body: the link token from the e-mail and the chosen password. */
    record SetPasswordRequest(
            @NotBlank @Size(max = 200) String token,
            @NotBlank @Size(max = 200) String password) {}

    private final PasswordSetupService passwords;

    PasswordController(PasswordSetupService passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/api/accounts/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setPassword(@Valid @RequestBody SetPasswordRequest request) {
        passwords.setPassword(request.token(), request.password());
    }
}
