package com.canon.cps.product.contract;

import java.time.Instant;
import java.util.List;

/**
 * A registration is still incomplete a reminder period (30 days, configurable) after it was made, so it earns no
 * points yet: the member is reminded once. Published at most once per registration, also for one made without a
 * serial number (which {@code ProductRegistered.v1} announces only once the serial number is given). Key and subject:
 * {@code accountId}. v1: first version.
 *
 * @param modelName the catalogue model's name, e.g. {@code EOS R5}
 * @param missingDetails what is still missing: {@code SERIAL_NUMBER}, {@code PURCHASE_DATE},
 *     {@code COUNTRY_OF_PURCHASE}, {@code DEALER} (open-ended list of values)
 * @param points what the product earns once complete
 */
public record ProductStillIncomplete(
        String accountId,
        String productId,
        String modelCode,
        String modelName,
        List<String> missingDetails,
        int points,
        Instant registeredAt,
        Instant remindedAt) {

    public static final String TYPE = "cps.product.ProductStillIncomplete.v1";
}
