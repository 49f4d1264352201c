package com.canon.cps.billing.invoice.store;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds the issued invoice a bank transfer's creditor reference belongs to. */
@Component
public class PaymentReferences {

    private final JdbcTemplate jdbc;

    PaymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record IssuedInvoice(String invoiceId, String number) {}

    public Optional<IssuedInvoice> find(String paymentReference) {
        return jdbc
                .query(
                        "SELECT invoice_id, number FROM issued_invoice WHERE payment_reference = ?",
                        (rs, i) -> new IssuedInvoice(rs.getString(1), rs.getString(2)),
                        paymentReference)
                .stream()
                .findFirst();
    }
}
