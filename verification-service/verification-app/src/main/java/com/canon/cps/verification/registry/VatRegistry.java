package com.canon.cps.verification.registry;

/**
 * Port to a VAT registry: is this VAT ID registered?
 *
 * <p>Adapters answer {@link RegistryAnswer.Valid} or {@link RegistryAnswer.Invalid} and signal a fault by throwing
 * {@link RegistryFaultException} (so the resilience decorators see it as a failure). The application uses
 * {@link ResilientVatRegistry}, which never throws: every fault comes back as {@link RegistryAnswer.Unavailable}.
 */
public interface VatRegistry {

    /**
     * @param vatId a normalised VAT ID, country prefix included (e.g. {@code DE136695976}, {@code CHE116281710})
     */
    RegistryAnswer check(String vatId);
}
