package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator asked the applicant for more information; the case stays open. */
@Revision("1")
public record VerificationInfoRequested(
        String caseId, String accountId, String reason, String decidedBy, Instant requestedAt)
        implements VerificationEvent {}
