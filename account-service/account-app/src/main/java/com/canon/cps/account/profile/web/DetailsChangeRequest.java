package com.canon.cps.account.profile.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/accounts/me}: any of the four; a detail left out (or {@code null}) stays as it is.
 * {@code companyName} and {@code vatId} are named only to refuse them: they change through verification
 * ({@code POST /api/accounts/me/company-change}).
 */
record DetailsChangeRequest(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String contactName,

        @Pattern(regexp = "en|de", message = "must be en or de")
        String language,

        @Valid AddressRequest address,

        @Email @Size(max = 320) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String contactEmail,

        Object companyName,
        Object vatId) {

    record AddressRequest(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,

            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code")
            String country) {}
}
