package com.canon.cps.product.registration.web;

import com.canon.cps.product.registration.domain.MissingDetail;
import com.canon.cps.product.registration.domain.RegistrationState;
import com.canon.cps.product.registration.query.ProductRegistrationView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registration as the API shows it. {@code points} is what the product is worth (fixed at registration);
 * {@code earnedPoints} is what it earns now: its points once complete, else 0. {@code serialNumber} is null until the
 * member gives it ({@code missingDetails} then starts with {@code SERIAL_NUMBER}).
 */
record ProductResponse(
        String productId,
        String modelCode,
        String name,
        String category,
        String serialNumber,
        LocalDate purchaseDate,
        boolean purchaseDateEstimated,
        String countryOfPurchase,
        String dealer,
        boolean dealerEstimated,
        boolean complete,
        List<String> missingDetails,
        int points,
        int earnedPoints,
        boolean migrated,
        Instant registeredAt) {

    static ProductResponse of(RegistrationState s) {
        return new ProductResponse(
                s.productId(),
                s.modelCode(),
                s.modelName(),
                s.category(),
                s.serialNumber(),
                s.details().purchaseDate(),
                s.details().purchaseDateEstimated(),
                s.details().countryOfPurchase(),
                s.details().dealer(),
                s.details().dealerEstimated(),
                s.complete(),
                s.missingDetails().stream().map(MissingDetail::name).toList(),
                s.points(),
                s.complete() ? s.points() : 0,
                s.migrated(),
                s.registeredAt());
    }

    static ProductResponse of(ProductRegistrationView v) {
        return new ProductResponse(
                v.productId(),
                v.modelCode(),
                v.name(),
                v.category(),
                v.serialNumber(),
                v.purchaseDate() == null ? null : LocalDate.parse(v.purchaseDate()),
                v.purchaseDateEstimated(),
                v.countryOfPurchase(),
                v.dealer(),
                v.dealerEstimated(),
                v.isComplete(),
                v.allMissingDetails(),
                v.points(),
                v.isComplete() ? v.points() : 0,
                v.migrated(),
                v.registeredAt());
    }
}
