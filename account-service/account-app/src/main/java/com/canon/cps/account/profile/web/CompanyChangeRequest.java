package com.canon.cps.account.profile.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/accounts/me/company-change}: the new company name, the new VAT ID, or both. */
record CompanyChangeRequest(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String companyName,

        @Size(max = 32) String vatId) {}
