package com.canon.cps.billing.invoice.store;

import com.canon.cps.billing.invoice.domain.InvoiceNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gapless invoice numbers: one counter row per series, incremented in the issuing transaction. The row stays locked
 * until that transaction ends, so concurrent issues in one series queue up behind each other, and a rollback gives
 * the number back (a PostgreSQL sequence would not: it burns numbers and leaves gaps). {@code issued_invoice}'s unique
 * number makes a duplicate impossible even if a counter were ever set back by hand.
 */
@Component
class JdbcInvoiceNumbers implements InvoiceNumbers {

    private final JdbcTemplate jdbc;

    JdbcInvoiceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next(String series) {
        Long next = jdbc.queryForObject("""
                INSERT INTO invoice_series (series, last_number) VALUES (?, 1)
                ON CONFLICT (series) DO UPDATE SET last_number = invoice_series.last_number + 1
                RETURNING last_number""", Long.class, series);
        return next;
    }
}
