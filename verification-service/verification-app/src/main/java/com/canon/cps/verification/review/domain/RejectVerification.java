package com.canon.cps.verification.review.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** An operator rejects the application; the reason is told to the applicant. */
@Revision("1")
public record RejectVerification(@TargetAggregateIdentifier String caseId, String reason, String decidedBy) {}
