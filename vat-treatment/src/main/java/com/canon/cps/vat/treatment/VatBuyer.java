package com.canon.cps.vat.treatment;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the VAT rule needs to know about a buyer.
 *
 * @param country ISO code of the buyer's country as the application gave it ({@code EL} or {@code GR} for Greece)
 * @param vatLiable whether the business declared itself VAT-liable
 * @param vatId the VAT ID the application gave, or null
 * @param registryConfirmedVatId the VAT ID a VAT registry confirmed when the account was verified, or null
 */
public record VatBuyer(String country, boolean vatLiable, String vatId, String registryConfirmedVatId) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s./-]");

    /** Whether the registry confirmed the very VAT ID the buyer gave (spaces, dots, dashes and case aside). */
    public boolean vatIdConfirmed() {
        return vatId != null
                && registryConfirmedVatId != null
                && normalise(registryConfirmedVatId).equals(normalise(vatId));
    }

    static String normalise(String vatId) {
        return SEPARATORS.matcher(vatId).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
