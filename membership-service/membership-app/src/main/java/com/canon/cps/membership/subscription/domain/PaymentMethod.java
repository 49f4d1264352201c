package com.canon.cps.membership.subscription.domain;

/** How the member pays: a card authorised now and charged on the due date, or a bank transfer. */
public enum PaymentMethod {
    CARD,
    BANK_TRANSFER
}
