package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Check number {@code attempt} of the case's VAT ID got no answer (a registry fault).
 *
 * @param fault the registry's fault code, e.g. {@code MS_UNAVAILABLE}, {@code TIMEOUT}, {@code CIRCUIT_OPEN}
 * @param nextCheckAt when the check is tried again; {@code null} when retrying cannot help (e.g. {@code INVALID_INPUT})
 */
@Revision("1")
public record RecordRegistryUnavailable(
        @TargetAggregateIdentifier String caseId,
        String registry,
        String fault,
        int attempt,
        Instant checkedAt,
        Instant nextCheckAt) {}
