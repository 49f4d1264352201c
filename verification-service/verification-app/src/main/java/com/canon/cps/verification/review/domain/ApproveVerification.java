package com.canon.cps.verification.review.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** An operator approves the application. */
@Revision("1")
public record ApproveVerification(@TargetAggregateIdentifier String caseId, String decidedBy) {}
