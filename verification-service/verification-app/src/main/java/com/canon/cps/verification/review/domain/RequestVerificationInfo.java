package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * An operator needs more information from the applicant before deciding.
 *
 * @param requestId identifies the link of this request (chosen by the caller, not secret)
 * @param expiresAt when the link stops working (business clock)
 */
@Revision("1")
public record RequestVerificationInfo(
        @TargetAggregateIdentifier String caseId,
        String reason,
        String decidedBy,
        String requestId,
        Instant expiresAt) {}
