package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.subscription.domain.MembershipActivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A first term starts: its deadlines are stored in the transaction of the event (subscribing processor
 * {@value MembershipDeadlines#PROCESSING_GROUP}).
 */
@Component
@ProcessingGroup(MembershipDeadlines.PROCESSING_GROUP)
class WhenMembershipActivatedThenScheduleTermDeadlines {

    private final TermDeadlines deadlines;

    WhenMembershipActivatedThenScheduleTermDeadlines(TermDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(MembershipActivated event) {
        deadlines.schedule(event.accountId(), event.expiresOn());
    }
}
