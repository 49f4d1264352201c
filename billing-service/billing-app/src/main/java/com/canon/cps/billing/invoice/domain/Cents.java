package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money and VAT rates in billing's events have two decimals. The events that hold personal data are read through a
 * JSON tree (the crypto-shredding serializer, ADR 23), which hands decimals over as doubles: {@code 20.00} would come
 * back as {@code 20.0} and print so on the invoice. Their records restore the scale with this.
 */
final class Cents {

    private Cents() {}

    static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
