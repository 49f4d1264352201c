package com.canon.cps.billing.invoice.domain;

/**
 * Hands out the next number of an invoice series inside the transaction that issues the invoice, so a number is
 * taken exactly when an invoice is issued with it: a rolled-back issue gives it back, and numbers stay gapless.
 */
public interface InvoiceNumbers {

    /** The next position in {@code series} (1, 2, 3, …); the caller's transaction holds the series until it ends. */
    long next(String series);
}
