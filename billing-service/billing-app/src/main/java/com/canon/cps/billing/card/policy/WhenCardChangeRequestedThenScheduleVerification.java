package com.canon.cps.billing.card.policy;

import com.canon.cps.billing.card.domain.CardChangeRequested;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A requested change gets its verification deadline, at once. Runs in the transaction of the event (subscribing processor).
 */
@Component
@ProcessingGroup(CardDeadlines.PROCESSING_GROUP)
class WhenCardChangeRequestedThenScheduleVerification {

    private final DeadlineScheduler deadlines;

    WhenCardChangeRequestedThenScheduleVerification(DeadlineScheduler deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(CardChangeRequested e) {
        deadlines.schedule(
                CardDeadlines.VERIFY_CHANGE + ":" + e.requestId(),
                CardDeadlines.VERIFY_CHANGE,
                e.requestedAt(),
                new CardDeadlines.VerifyDue(e.accountId(), e.requestId(), e.cardToken(), e.currency()));
    }
}
