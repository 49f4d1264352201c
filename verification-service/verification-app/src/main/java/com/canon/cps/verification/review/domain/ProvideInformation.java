package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The applicant answers the information request {@code requestId} (whose link token the caller checked) with an
 * uploaded document.
 */
public record ProvideInformation(
        @TargetAggregateIdentifier String caseId, String requestId, EvidenceDocument document, Instant providedAt) {}
