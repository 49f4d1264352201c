package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Verification approved the change {@code changeId}: the account has the new company name and VAT ID. */
@Revision("1")
public record CompanyDetailsChanged(
        String accountId,
        String changeId,
        String caseId,
        @PersonalData String companyName,
        @PersonalData String vatId,
        Instant changedAt)
        implements AccountEvent {}
