package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator rejected the application; the case is closed. */
@Revision("1")
public record AccountVerificationRejected(
        String caseId, String accountId, @PersonalData String reason, String decidedBy, Instant rejectedAt)
        implements VerificationEvent {}
