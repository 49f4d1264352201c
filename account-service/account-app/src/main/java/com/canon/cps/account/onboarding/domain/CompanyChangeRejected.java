package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Verification refused the change {@code changeId}; the account keeps its details and the member is told why. */
@Revision("1")
public record CompanyChangeRejected(
        String accountId,
        String changeId,
        String caseId,
        @PersonalData String companyName,
        @PersonalData String reason,
        Instant rejectedAt)
        implements AccountEvent {}
