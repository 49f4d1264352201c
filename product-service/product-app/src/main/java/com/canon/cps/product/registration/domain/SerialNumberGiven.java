package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registration made without a serial number got it (claimed for this product in the same transaction). Carries what
 * the registration is now, so that it can be published as the registration consumers of {@code ProductRegistered.v1}
 * (where a serial number is mandatory) first see.
 *
 * @param details the purchase details as they are after the command that gave the serial number
 */
@Revision("1")
public record SerialNumberGiven(
        String productId,
        String accountId,
        String modelCode,
        String serialNumber,
        int points,
        PurchaseDetails details,
        boolean migrated,
        Instant registeredAt,
        Instant givenAt)
        implements ProductEvent {}
