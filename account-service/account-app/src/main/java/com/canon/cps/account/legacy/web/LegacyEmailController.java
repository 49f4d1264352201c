package com.canon.cps.account.legacy.web;

import com.canon.cps.platform.security.CurrentMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * MEMBER {@code POST /api/accounts/me/legacy-email} (give the old CPS e-mail; a code goes to it),
 * {@code POST /api/accounts/me/legacy-email/code} (a new code) and
 * {@code POST /api/accounts/me/legacy-email/confirmation} (type it in).
 */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class LegacyEmailController {

    /** Body: the e-mail address of the old CPS account. */
    record LegacyEmailRequest(
            @NotBlank @Email @Size(max = 320) String legacyCpsEmail) {}

    /** Body: the six digits of the e-mail (spaces allowed). */
    record ConfirmationRequest(
            @NotBlank @Pattern(regexp = "\\s*([0-9]\\s*){6}", message = "must be the six digits from the e-mail")
            String code) {}

    private final LegacyEmailProofs legacy;

    LegacyEmailController(LegacyEmailProofs legacy) {
        this.legacy = legacy;
    }

    @PostMapping("/api/accounts/me/legacy-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void give(@Valid @RequestBody LegacyEmailRequest request, @AuthenticationPrincipal Jwt jwt) {
        legacy.give(
                CurrentMember.accountId(jwt), request.legacyCpsEmail().strip().toLowerCase(Locale.ROOT));
    }

    @PostMapping("/api/accounts/me/legacy-email/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void newCode(@AuthenticationPrincipal Jwt jwt) {
        legacy.newCode(CurrentMember.accountId(jwt));
    }

    @PostMapping("/api/accounts/me/legacy-email/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@Valid @RequestBody ConfirmationRequest request, @AuthenticationPrincipal Jwt jwt) {
        legacy.confirm(CurrentMember.accountId(jwt), request.code().replaceAll("\\s", ""));
    }
}
