package com.canon.cps.product.registration.domain;

import java.time.LocalDate;

/** A change of purchase details (PATCH): a {@code null} component leaves that detail as it is. */
public record DetailsChange(
        LocalDate purchaseDate,
        Boolean purchaseDateEstimated,
        String countryOfPurchase,
        String dealer,
        Boolean dealerEstimated) {

    public boolean changesNothing() {
        return purchaseDate == null
                && purchaseDateEstimated == null
                && countryOfPurchase == null
                && dealer == null
                && dealerEstimated == null;
    }
}
