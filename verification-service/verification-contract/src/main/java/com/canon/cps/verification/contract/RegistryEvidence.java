package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * What a VAT registry answered for a confirmed VAT ID: kept as evidence of the verification.
 *
 * @param registry {@code VIES}, {@code HMRC}, {@code UID} (CH) or {@code BRREG} (NO)
 * @param consultationNumber the registry's request identifier, where it gives one
 */
public record RegistryEvidence(String registry, String vatId, String consultationNumber, Instant checkedAt) {}
