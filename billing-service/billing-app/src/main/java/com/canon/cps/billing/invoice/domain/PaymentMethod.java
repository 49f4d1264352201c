package com.canon.cps.billing.invoice.domain;

public enum PaymentMethod {
    CARD,
    BANK_TRANSFER
}
