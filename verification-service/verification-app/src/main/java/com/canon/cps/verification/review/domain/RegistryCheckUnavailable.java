package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registry check got no answer: the VAT ID's status is unknown, never invalid. Operators can still decide on the
 * documents.
 *
 * @param attempt number of the check (1 = the first)
 * @param nextCheckAt when the check is tried again; {@code null} when retrying cannot help
 */
@Revision("1")
public record RegistryCheckUnavailable(
        String caseId,
        String accountId,
        String registry,
        @PersonalData String vatId,
        String fault,
        int attempt,
        Instant checkedAt,
        Instant nextCheckAt)
        implements VerificationEvent {}
