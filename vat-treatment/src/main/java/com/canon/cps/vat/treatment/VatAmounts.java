package com.canon.cps.vat.treatment;

import java.math.BigDecimal;

/**
 * A net price with its VAT: {@code vat} is {@code net × rate / 100} rounded half up to the cent, {@code gross} is
 * {@code net + vat}; all amounts in the sale's currency, two decimals.
 */
public record VatAmounts(VatDecision decision, BigDecimal net, BigDecimal vat, BigDecimal gross) {}
