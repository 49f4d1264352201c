package com.canon.cps.verification.review.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The case's SLA deadline has come; a breach is recorded if the case is still undecided. */
@Revision("1")
public record RecordSlaBreach(@TargetAggregateIdentifier String caseId) {}
