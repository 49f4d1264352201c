package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a product to an account. The caller has priced the model with the catalogue version in force and has
 * claimed the serial number in the same transaction; the points given here stay with the registration for good.
 *
 * @param serialNumber as the member typed it (trimmed); uniqueness is checked on its normalised form
 * @param migrated copied from the old CPS system rather than registered by the member
 */
public record RegisterProduct(
        @TargetAggregateIdentifier String productId,
        String accountId,
        String modelCode,
        String modelName,
        String category,
        String catalogVersion,
        int points,
        String serialNumber,
        PurchaseDetails details,
        boolean migrated,
        Instant registeredAt) {}
