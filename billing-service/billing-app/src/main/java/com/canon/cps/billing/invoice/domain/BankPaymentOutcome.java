package com.canon.cps.billing.invoice.domain;

/** What became of a bank-statement credit quoting an invoice's reference. Only {@link #MATCHED} records a payment. */
public enum BankPaymentOutcome {
    MATCHED,
    /** Less than the invoice's gross amount: reported for an operator, not booked. */
    PARTIAL_PAYMENT,
    /** More than the gross amount: reported, not booked. */
    OVERPAYMENT,
    CURRENCY_MISMATCH,
    /** The invoice is paid already (by another transfer, card or an operator). */
    ALREADY_PAID,
    /** This very statement entry was booked before (the same statement imported again). */
    DUPLICATE
}
