package com.canon.cps.product.registration.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A product was registered to an account, priced by catalogue version {@code catalogVersion}: {@code points} are
 * fixed here and never re-priced.
 */
@Revision("1")
public record ProductRegistered(
        String productId,
        String accountId,
        String modelCode,
        String modelName,
        String category,
        String catalogVersion,
        int points,
        String serialNumber,
        PurchaseDetails details,
        boolean migrated,
        Instant registeredAt)
        implements ProductEvent {}
