package com.canon.cps.billing.invoice.domain;

/**
 * How an invoice is paid: an order chooses {@link #CARD} or {@link #BANK_TRANSFER}; {@link #MANUAL} only says how a
 * payment was booked (an operator marked the invoice paid). Stored events and contract events carry the names.
 */
public enum PaymentMethod {
    CARD,
    BANK_TRANSFER,
    MANUAL
}
