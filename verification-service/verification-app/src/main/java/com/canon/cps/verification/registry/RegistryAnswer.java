package com.canon.cps.verification.registry;

import java.time.Instant;

/** What a registry said about a VAT ID. */
public sealed interface RegistryAnswer {

    Registry registry();

    String vatId();

    Instant checkedAt();

    /**
     * The VAT ID is registered and valid.
     *
     * @param consultationNumber the registry's identifier of this request (VIES "requestIdentifier", HMRC
     *     "consultationNumber"), kept as evidence; may be {@code null} where a registry gives none
     */
    record Valid(Registry registry, String vatId, String consultationNumber, Instant checkedAt)
            implements RegistryAnswer {}

    /** The registry answered that the VAT ID is not valid. */
    record Invalid(Registry registry, String vatId, Instant checkedAt) implements RegistryAnswer {}

    /** No answer: the VAT ID's status is unknown. */
    record Unavailable(Registry registry, String vatId, RegistryFault fault, Instant checkedAt)
            implements RegistryAnswer {}
}
