package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The registry confirmed the case's VAT ID. */
@Revision("1")
public record RecordRegistryConfirmation(
        @TargetAggregateIdentifier String caseId, String registry, String consultationNumber, Instant checkedAt) {}
