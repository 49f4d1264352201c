package com.canon.cps.billing.invoice.domain;

import com.canon.cps.platform.privacy.PersonalData;

/**
 * The buyer as known when the order arrived: name and address from the application, whether the business is
 * VAT-liable, its VAT ID and whether a VAT registry confirmed that ID during verification.
 */
public record Buyer(
        @PersonalData String name,
        @PersonalData String line1,
        @PersonalData String postalCode,
        @PersonalData String city,
        String country,
        String language,
        boolean vatLiable,
        @PersonalData String vatId,
        boolean vatIdConfirmed) {

    /** As printed: the VAT ID only where it is relevant (a VAT-liable buyer). */
    Party party() {
        return new Party(name, line1, postalCode, city, country, vatLiable ? vatId : null);
    }
}
