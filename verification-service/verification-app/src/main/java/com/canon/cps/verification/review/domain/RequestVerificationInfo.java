package com.canon.cps.verification.review.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** An operator needs more information from the applicant before deciding. */
@Revision("1")
public record RequestVerificationInfo(
        @TargetAggregateIdentifier String caseId, String reason, String decidedBy) {}
