package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.subscription.domain.MembershipRenewed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A renewed term starts: its deadlines are stored in the transaction of the event (subscribing processor
 * {@value MembershipDeadlines#PROCESSING_GROUP}).
 */
@Component
@ProcessingGroup(MembershipDeadlines.PROCESSING_GROUP)
class WhenMembershipRenewedThenScheduleTermDeadlines {

    private final TermDeadlines deadlines;

    WhenMembershipRenewedThenScheduleTermDeadlines(TermDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(MembershipRenewed event) {
        deadlines.schedule(event.accountId(), event.expiresOn());
    }
}
