package com.canon.cps.product.registration.domain;

import java.time.Instant;
import java.util.List;

/**
 * A registration as it stands after a command: what the member gets back without waiting for the read model.
 * {@code serialNumber} is null until the member gives it.
 */
public record RegistrationState(
        String productId,
        String modelCode,
        String modelName,
        String category,
        String serialNumber,
        PurchaseDetails details,
        int points,
        boolean migrated,
        Instant registeredAt) {

    public boolean complete() {
        return MissingDetail.complete(serialNumber, details);
    }

    public List<MissingDetail> missingDetails() {
        return MissingDetail.of(serialNumber, details);
    }
}
