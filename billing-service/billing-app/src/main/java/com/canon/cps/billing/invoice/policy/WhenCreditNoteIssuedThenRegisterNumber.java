package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An issued credit note is registered (its number is unique). Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenCreditNoteIssuedThenRegisterNumber {

    private final JdbcTemplate jdbc;

    WhenCreditNoteIssuedThenRegisterNumber(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditNoteIssued e) {
        jdbc.update(
                "INSERT INTO issued_credit_note (credit_note_id, invoice_id, account_id, series, number, issued_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                e.creditNoteId(),
                e.invoiceId(),
                e.accountId(),
                e.series(),
                e.number(),
                Timestamp.from(e.issuedAt()));
    }
}
