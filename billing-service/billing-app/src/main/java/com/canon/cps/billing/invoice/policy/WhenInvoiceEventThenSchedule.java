package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.config.BillingSettings;
import com.canon.cps.billing.invoice.domain.CreditNoteIssued;
import com.canon.cps.billing.invoice.domain.InvoiceCardReplaced;
import com.canon.cps.billing.invoice.domain.InvoiceIssued;
import com.canon.cps.billing.invoice.domain.InvoiceOpened;
import com.canon.cps.billing.invoice.domain.PaymentFailed;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.domain.RefundRequested;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs in the transaction of the event (subscribing processor), so a deadline exists exactly when its event does:
 * an opened order gets its issue deadline (after the configured delay) and, for a card, an immediate zero-amount
 * verification; an issued invoice is registered (unique number and reference) and gets its charge (card, on the due
 * date), overdue (the day after the due date) and dunning-end ({@code dunning-ends-after} after the due date)
 * deadlines; a failed charge with a retry date gets the next attempt; a new card for an invoice past its due date gets
 * an attempt at once; an issued credit note is registered (unique number); a refund gets its gateway call at once.
 * Nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenInvoiceEventThenSchedule {

    private final DeadlineScheduler deadlines;
    private final BillingSettings settings;
    private final JdbcTemplate jdbc;

    WhenInvoiceEventThenSchedule(DeadlineScheduler deadlines, BillingSettings settings, JdbcTemplate jdbc) {
        this.deadlines = deadlines;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceOpened e) {
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.ISSUE, e.invoiceId()),
                BillingDeadlines.ISSUE,
                e.openedAt().plus(settings.issueDelay()),
                new BillingDeadlines.InvoiceDue(e.invoiceId()));
        if (e.paymentMethod() == PaymentMethod.CARD) {
            deadlines.schedule(
                    BillingDeadlines.id(BillingDeadlines.VERIFY_CARD, e.invoiceId()),
                    BillingDeadlines.VERIFY_CARD,
                    e.openedAt(),
                    new BillingDeadlines.CardDue(e.invoiceId(), e.subscriptionId(), e.cardToken(), e.currency()));
        }
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
            scheduleCharge(e.invoiceId(), 1, e.dueDate());
        }
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.OVERDUE, e.invoiceId()),
                BillingDeadlines.OVERDUE,
                startOf(e.dueDate().plusDays(1)),
                new BillingDeadlines.InvoiceDue(e.invoiceId()));
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.DUNNING_END, e.invoiceId()),
                BillingDeadlines.DUNNING_END,
                startOf(e.dueDate().plus(settings.dunningEndsAfter())),
                new BillingDeadlines.InvoiceDue(e.invoiceId()));
    }

    @EventHandler
    void on(InvoiceCardReplaced e) {
        if (e.chargeAttemptNow() != null) {
            // an id of its own: the scheduled attempt's row may be firing at this moment, and waiting for it could
            // deadlock with this invoice's lock; both attempts carry the same idempotency key, so only one charges
            deadlines.schedule(
                    "billing.charge-now:" + e.invoiceId() + ":" + e.chargeAttemptNow(),
                    BillingDeadlines.CHARGE,
                    e.replacedAt(),
                    new BillingDeadlines.ChargeDue(e.invoiceId(), e.chargeAttemptNow()));
        }
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

    @EventHandler
    void on(RefundRequested e) {
        deadlines.schedule(
                BillingDeadlines.REFUND + ":" + e.refundId(),
                BillingDeadlines.REFUND,
                e.requestedAt(),
                new BillingDeadlines.RefundDue(
                        e.invoiceId(), e.refundId(), e.chargeReference(), e.amount(), e.currency()));
    }

    @EventHandler
    void on(PaymentFailed e) {
        if (e.nextAttemptOn() != null) {
            scheduleCharge(e.invoiceId(), e.attempt() + 1, e.nextAttemptOn());
        }
    }

    private void scheduleCharge(String invoiceId, int attempt, LocalDate on) {
        deadlines.schedule(
                BillingDeadlines.id(BillingDeadlines.CHARGE, invoiceId) + ":" + attempt,
                BillingDeadlines.CHARGE,
                startOf(on),
                new BillingDeadlines.ChargeDue(invoiceId, attempt));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
