package com.canon.cps.vat.treatment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The VAT treatment of one sale.
 *
 * @param rate in percent, two decimals ({@code 20.00}; {@code 0.00} for the reverse charge and outside the EU)
 * @param note the sentence an invoice must print with this treatment, or null when none is needed
 */
public record VatDecision(VatTreatment treatment, BigDecimal rate, String note) {

    public VatDecision {
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(rate, "rate");
    }
}
