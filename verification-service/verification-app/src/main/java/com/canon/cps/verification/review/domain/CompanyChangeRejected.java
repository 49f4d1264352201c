package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator refused the change of company details; the case is closed, the account keeps its details. */
@Revision("1")
public record CompanyChangeRejected(
        String caseId,
        String accountId,
        String changeId,
        @PersonalData String reason,
        String decidedBy,
        Instant rejectedAt)
        implements VerificationEvent {}
