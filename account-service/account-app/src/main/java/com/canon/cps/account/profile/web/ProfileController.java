package com.canon.cps.account.profile.web;

import com.canon.cps.account.onboarding.domain.PostalAddress;
import com.canon.cps.platform.security.CurrentMember;
import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * MY ACCOUNT: MEMBER {@code PATCH /api/accounts/me} (contact name, language, address at once; a new contact e-mail
 * after confirmation), {@code POST /api/accounts/me/company-change} (verified first), and
 * {@code POST /api/accounts/me/email-confirmation} (no token: the link may be opened in another browser).
 */
@RestController
class ProfileController {

    /** Answer of the PATCH: what changed at once, and the address waiting for its confirmation link (or null). */
    record DetailsChangeAccepted(String accountId, List<String> changed, String pendingContactEmail) {}

    /** Answer of the company change: the request handed to verification. */
    record CompanyChangeAccepted(String changeId, String companyName, String vatId, String status) {}

    /** Body of the e-mail confirmation: the token of the link. */
    record EmailConfirmationRequest(
            @NotBlank @Size(max = 200) String token) {}

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @PatchMapping("/api/accounts/me")
    @PreAuthorize("hasRole('MEMBER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DetailsChangeAccepted change(@Valid @RequestBody DetailsChangeRequest request, @AuthenticationPrincipal Jwt jwt) {
        if (request.companyName() != null) {
            throw ApiProblem.invalid(
                    "companyName", "is changed through POST /api/accounts/me/company-change (verified first)");
        }
        if (request.vatId() != null) {
            throw ApiProblem.invalid(
                    "vatId", "is changed through POST /api/accounts/me/company-change (verified first)");
        }
        if (request.contactName() == null
                && request.language() == null
                && request.address() == null
                && request.contactEmail() == null) {
            throw ApiProblem.invalid(
                    "contactName", "give at least one of contactName, language, address, contactEmail");
        }
        String accountId = CurrentMember.accountId(jwt);
        ProfileService.DetailsChanged changed = profiles.change(accountId, toChange(request));
        return new DetailsChangeAccepted(accountId, changed.changed(), changed.pendingContactEmail());
    }

    @PostMapping("/api/accounts/me/company-change")
    @PreAuthorize("hasRole('MEMBER')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CompanyChangeAccepted changeCompany(
            @Valid @RequestBody CompanyChangeRequest request, @AuthenticationPrincipal Jwt jwt) {
        String name =
                request.companyName() == null ? null : request.companyName().strip();
        String vatId = request.vatId() == null || request.vatId().isBlank() ? null : request.vatId();
        if (name == null && vatId == null) {
            throw ApiProblem.invalid("companyName", "give the new companyName, the new vatId, or both");
        }
        ProfileService.CompanyChangeRequested requested =
                profiles.requestCompanyChange(CurrentMember.accountId(jwt), name, vatId);
        return new CompanyChangeAccepted(
                requested.changeId(), requested.companyName(), requested.vatId(), "PENDING_VERIFICATION");
    }

    @PostMapping("/api/accounts/me/email-confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmEmail(@Valid @RequestBody EmailConfirmationRequest request) {
        profiles.confirmContactEmail(request.token());
    }

    private static ProfileService.DetailsChange toChange(DetailsChangeRequest r) {
        DetailsChangeRequest.AddressRequest a = r.address();
        return new ProfileService.DetailsChange(
                r.contactName() == null ? null : r.contactName().strip(),
                r.language(),
                a == null
                        ? null
                        : new PostalAddress(
                                a.line1().strip(),
                                a.postalCode().strip(),
                                a.city().strip(),
                                a.country()),
                r.contactEmail() == null ? null : r.contactEmail().strip().toLowerCase(Locale.ROOT));
    }
}
