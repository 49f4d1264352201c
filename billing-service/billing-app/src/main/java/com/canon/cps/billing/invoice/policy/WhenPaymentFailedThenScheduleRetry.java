package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.PaymentFailed;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A failed charge with a retry date gets its next attempt on that day. Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenPaymentFailedThenScheduleRetry {

    private final DeadlineScheduler deadlines;

    WhenPaymentFailedThenScheduleRetry(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(PaymentFailed e) {
        if (e.nextAttemptOn() != null) {
            BillingDeadlines.scheduleCharge(deadlines, e.invoiceId(), e.attempt() + 1, e.nextAttemptOn());
        }
    }
}
