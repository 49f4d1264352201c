package com.canon.cps.account.onboarding.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/accounts}. {@code vatId} and {@code evidenceDocumentIds} may each be left out: which of them
 * an application needs depends on {@code vatLiable} ({@code ApplicationService} checks it).
 */
record ApplicationRequest(
        @NotBlank @Size(max = 200) String companyName,
        @NotNull @Valid AddressRequest address,
        @NotBlank @Size(max = 200) String contactName,
        @NotBlank @Email @Size(max = 320) String contactEmail,

        @NotNull @Pattern(regexp = "en|de", message = "must be en or de")
        String language,

        @NotNull Boolean vatLiable,
        @Size(max = 32) String vatId,
        @Size(max = 5) List<@NotBlank @Size(max = 64) String> evidenceDocumentIds,
        @Email @Size(max = 320) String legacyCpsEmail,

        @NotNull @AssertTrue(message = "must be true: the applicant must be authorised to give these details")
        Boolean authorisedToApply) {

    public record AddressRequest(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,

            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code")
            String country) {}
}
