package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An operator rejected the application; the case is closed. */
@Revision("1")
public record AccountVerificationRejected(
        String caseId, String accountId, String reason, String decidedBy, Instant rejectedAt)
        implements VerificationEvent {}
