package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.InvoiceCardReplaced;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A new card for an invoice past its due date gets a charge attempt at once. Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenInvoiceCardReplacedThenChargeNow {

    private final DeadlineScheduler deadlines;

    WhenInvoiceCardReplacedThenChargeNow(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
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
}
