package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money and VAT rates in billing's events have two decimals, whatever scale they were computed or entered with (a
 * refund of nothing is {@code BigDecimal.ZERO}, a bank statement may book {@code 102}): the events' records set the
 * scale with this, so invoices, contract events and views print {@code 0.00} and {@code 102.00}. (Stored events read
 * back exactly since the platform's Axon mapper keeps decimals exact; that is no longer why this exists.)
 */
final class Cents {

    private Cents() {}

    static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
