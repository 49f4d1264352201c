package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;

/**
 * A registry's confirmation of a VAT ID, kept as evidence of the verification.
 *
 * @param registry {@code VIES}, {@code HMRC}, {@code UID} or {@code BRREG}
 * @param consultationNumber the registry's identifier of the request, where it gives one
 */
public record RegistryEvidence(
        String registry, @PersonalData String vatId, String consultationNumber, Instant checkedAt) {}
