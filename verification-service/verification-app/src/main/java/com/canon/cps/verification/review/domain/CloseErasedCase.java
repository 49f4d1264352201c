package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The case's account was erased (GDPR Art. 17): nothing may act on the case any more. */
@Revision("1")
public record CloseErasedCase(@TargetAggregateIdentifier String caseId, Instant erasedAt) {}
