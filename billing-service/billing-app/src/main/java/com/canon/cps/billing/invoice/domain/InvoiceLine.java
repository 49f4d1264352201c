package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The tier for one term (both dates included), net of VAT in the invoice's currency. */
public record InvoiceLine(
        String description, String tier, LocalDate termStartsOn, LocalDate termEndsOn, BigDecimal net) {

    public InvoiceLine {
        net = Cents.of(net);
    }
}
