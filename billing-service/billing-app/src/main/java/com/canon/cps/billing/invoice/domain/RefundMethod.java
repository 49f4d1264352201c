package com.canon.cps.billing.invoice.domain;

/**
 * How a credit note pays back money already received: {@link #CARD} through the gateway, {@link #BANK_TRANSFER} by the
 * seller's finance team, {@link #NONE} when nothing was paid. Stored events and contract events carry the names.
 */
public enum RefundMethod {
    CARD,
    BANK_TRANSFER,
    NONE
}
