package com.canon.cps.billing.invoice.store;

import com.canon.cps.billing.invoice.domain.InvoiceNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Allocates gapless invoice and credit-note numbers inside the caller's transaction: one counter row per series,
 * incremented in the issuing transaction. The row stays locked until that transaction ends, so concurrent issues in
 * one series queue up behind each other, and a rollback gives the number back (a PostgreSQL sequence would not: it
 * burns numbers and leaves gaps, which membership numbers may, ADR 25). {@code issued_invoice}'s unique number makes a
 * duplicate impossible even if a counter were ever set back by hand.
 */
@Component
class JdbcInvoiceNumbers implements InvoiceNumbers {

    private final JdbcTemplate jdbc;

    JdbcInvoiceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String allocate(String series) {
        Long position = jdbc.queryForObject("""
                INSERT INTO invoice_series (series, last_number) VALUES (?, 1)
                ON CONFLICT (series) DO UPDATE SET last_number = invoice_series.last_number + 1
                RETURNING last_number""", Long.class, series);
        return numberAt(series, position);
    }

    /** The number at {@code position} (1, 2, 3, …) of {@code series}, six digits at least. */
    static String numberAt(String series, long position) {
        return "%s-%06d".formatted(series, position);
    }
}
