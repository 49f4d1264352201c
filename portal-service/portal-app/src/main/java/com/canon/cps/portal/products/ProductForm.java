package com.canon.cps.portal.products;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product registration as typed: the model, and the details that make it complete (serial number, purchase date,
 * country of purchase, dealer; any may follow later), date and dealer optionally an estimate (the seed: "just tell
 * us your rough estimate").
 */
record ProductForm(
        @Size(max = 64) String modelCode,
        @Size(max = 64) String serialNumber,
        @Size(max = 10) String purchaseDate,
        Boolean purchaseDateEstimated,
        @Size(max = 2) String countryOfPurchase,
        @Size(max = 200) String dealer,
        Boolean dealerEstimated) {

    boolean hasUnreadableDate() {
        return purchaseDate != null
                && !purchaseDate.isBlank()
                && Dates.iso(purchaseDate).isEmpty();
    }

    static ProductForm empty() {
        return new ProductForm("", "", "", false, "", "", false);
    }

    /** For {@code POST /api/products}: every given field (the serial number may follow later). */
    Map<String, Object> registration() {
        Map<String, Object> body = details();
        body.put("modelCode", modelCode);
        return body;
    }

    /** For {@code PATCH /api/products/{id}}: the details that were filled in. */
    Map<String, Object> details() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (serialNumber != null && !serialNumber.isBlank()) {
            body.put("serialNumber", serialNumber.trim());
        }
        if (purchaseDate != null && !purchaseDate.isBlank()) {
            body.put("purchaseDate", Dates.iso(purchaseDate).orElseThrow());
            body.put("purchaseDateEstimated", Boolean.TRUE.equals(purchaseDateEstimated));
        }
        if (countryOfPurchase != null && !countryOfPurchase.isBlank()) {
            body.put("countryOfPurchase", countryOfPurchase);
        }
        if (dealer != null && !dealer.isBlank()) {
            body.put("dealer", dealer.trim());
            body.put("dealerEstimated", Boolean.TRUE.equals(dealerEstimated));
        }
        return body;
    }
}
