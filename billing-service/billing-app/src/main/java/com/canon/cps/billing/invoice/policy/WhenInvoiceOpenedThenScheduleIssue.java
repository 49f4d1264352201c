package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.config.BillingSettings;
import com.canon.cps.billing.invoice.domain.InvoiceOpened;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An opened order gets its issue deadline (after the configured delay) and, for a card, an immediate zero-amount
 * verification. Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenInvoiceOpenedThenScheduleIssue {

    private final DeadlineScheduler deadlines;
    private final BillingSettings settings;

    WhenInvoiceOpenedThenScheduleIssue(DeadlineScheduler deadlines, BillingSettings settings) {
        this.deadlines = deadlines;
        this.settings = settings;
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
}
