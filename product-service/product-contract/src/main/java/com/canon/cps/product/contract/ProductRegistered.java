package com.canon.cps.product.contract;

import java.time.Instant;
import java.util.List;

/**
 * A product was registered to an account. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code points} are the catalogue points fixed at registration (a later catalogue version
 * does not change them); {@code complete} is true when serial number, purchase date, country of purchase and dealer
 * are all present, and only then does the product earn its points. {@code missingDetails} lists what is missing.
 * Since a product may be registered without a serial number (it is then incomplete and earns nothing), such a
 * registration is published when its serial number is given, with the registration's {@code registeredAt} and its
 * state at that moment, so {@code serialNumber} is never null here (a product deregistered before it got one may
 * still be published as {@code ProductDeregistered}).
 */
public record ProductRegistered(
        String accountId,
        String productId,
        String modelCode,
        String serialNumber,
        int points,
        boolean complete,
        List<String> missingDetails,
        boolean migrated,
        Instant registeredAt) {

    public static final String TYPE = "cps.product.ProductRegistered.v1";
}
