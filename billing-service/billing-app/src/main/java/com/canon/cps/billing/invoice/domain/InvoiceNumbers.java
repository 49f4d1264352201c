package com.canon.cps.billing.invoice.domain;

/**
 * Allocates the next number of a gapless series (invoices, credit notes) inside the transaction of the command that
 * issues with it, so a number is taken exactly when a document is issued with it: a rolled-back issue gives it back,
 * and numbers stay gapless (German law, ADR 8 and ADR 25). The aggregate calls it because only the aggregate knows
 * whether it issues at all and in which series.
 */
public interface InvoiceNumbers {

    /**
     * The next number of {@code series} as printed ({@code <series>-000001}, {@code <series>-000002}, …); must run in
     * the transaction that records the issue, which holds the series until it ends.
     */
    String allocate(String series);
}
