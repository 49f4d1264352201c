package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.subscription.domain.OrderRenewal;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The renewal-order deadline of a term has come: order the next term. The aggregate decides whether anything is due
 * (auto-renewal on, the term still current), so a deadline fired twice, late, or for a term that is over changes
 * nothing.
 */
@Component
class WhenRenewalOrderDueThenOrderRenewal {

    private final CommandGateway commands;

    WhenRenewalOrderDueThenOrderRenewal(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(MembershipDeadlines.RENEWAL_ORDER, MembershipDeadlines.RenewalOrderDue.class, this::on);
    }

    void on(MembershipDeadlines.RenewalOrderDue due) {
        commands.sendAndWait(new OrderRenewal(due.accountId(), due.termExpiresOn()));
    }
}
