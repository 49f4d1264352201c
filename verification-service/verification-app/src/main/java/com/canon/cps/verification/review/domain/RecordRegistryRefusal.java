package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The registry answered that the case's VAT ID is not valid. */
@Revision("1")
public record RecordRegistryRefusal(
        @TargetAggregateIdentifier String caseId, String registry, Instant checkedAt) {}
