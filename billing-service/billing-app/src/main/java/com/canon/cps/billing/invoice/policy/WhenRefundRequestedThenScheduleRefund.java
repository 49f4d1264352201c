package com.canon.cps.billing.invoice.policy;

import com.canon.cps.billing.invoice.domain.RefundRequested;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A refund gets its gateway call at once. Runs in the transaction of the event (subscribing processor), so the deadline exists exactly when the event
 * does; nothing is cancelled: the invoice ignores a deadline that no longer applies.
 */
@Component
@ProcessingGroup(BillingDeadlines.PROCESSING_GROUP)
class WhenRefundRequestedThenScheduleRefund {

    private final DeadlineScheduler deadlines;

    WhenRefundRequestedThenScheduleRefund(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
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
}
