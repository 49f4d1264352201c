package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.config.BillingSettings;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An issued invoice is registered (unique number and reference) and gets its charge (card, on the due date),
 * overdue (the day after the due date) and dunning-end ({@code dunning-ends-after} after the due date) deadlines. Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenInvoiceIssuedThenScheduleCollection {

    private final DeadlineScheduler deadlines;
    private final BillingSettings settings;
    private final JdbcTemplate jdbc;

    WhenInvoiceIssuedThenScheduleCollection(DeadlineScheduler deadlines, BillingSettings settings, JdbcTemplate jdbc) {
        this.deadlines = deadlines;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssued e) {
        jdbc.update(
                "INSERT INTO issued_invoice (invoice_id, account_id, series, number, payment_reference, issued_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                e.invoiceId(),
                e.accountId(),
                e.series(),
                e.number(),
                e.paymentReference(),
                Timestamp.from(e.issuedAt()));
        if (e.paymentMethod() == PaymentMethod.CARD) {
            BillingDeadlines.scheduleCharge(deadlines, e.invoiceId(), 1, e.dueDate());
        }
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.OVERDUE, e.invoiceId()),
                BillingDeadlines.OVERDUE,
                BillingDeadlines.startOf(e.dueDate().plusDays(1)),
                new BillingDeadlines.InvoiceDue(e.invoiceId()));
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.DUNNING_END, e.invoiceId()),
                BillingDeadlines.DUNNING_END,
                BillingDeadlines.startOf(e.dueDate().plus(settings.dunningEndsAfter())),
                new BillingDeadlines.InvoiceDue(e.invoiceId()));
    }
}
