package com.canon.cps.billing.invoice.domain;

public enum InvoiceStatus {
    /** The order arrived; the invoice is not issued yet. */
    ORDERED,
    OPEN,
    PAID,
    OVERDUE,
    /** Credited in full by credit notes: nothing is owed any more (money received is paid back). */
    CREDITED
}
