package com.canon.cps.billing.invoice.domain;

/** What became of a bank-statement credit quoting an invoice's reference. Only {@link #MATCHED} records a payment. */
public enum BankPaymentOutcome {
    MATCHED,
    /** Less than the amount due (the gross less what credit notes took off): reported for an operator, not booked. */
    PARTIAL_PAYMENT,
    /** More than the amount due: reported, not booked. */
    OVERPAYMENT,
    CURRENCY_MISMATCH,
    /** The invoice is paid already (by another transfer, card or an operator). */
    ALREADY_PAID,
    /** This very statement entry was booked before (the same statement imported again). */
    DUPLICATE,
    /** The invoice is credited in full: nothing is owed, the transfer is reported for an operator to pay back. */
    INVOICE_CREDITED
}
