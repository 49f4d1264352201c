package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member asked to change the company name or VAT ID; verification reviews it before it applies. The values are
 * those after the change (the unchanged one repeats the current value); {@code vatId} passed the offline check.
 */
@Revision("1")
public record CompanyChangeRequested(
        String accountId,
        String changeId,
        @PersonalData String companyName,
        @PersonalData String vatId,
        @PersonalData String previousCompanyName,
        @PersonalData String previousVatId,
        String country,
        Instant requestedAt)
        implements AccountEvent {}
