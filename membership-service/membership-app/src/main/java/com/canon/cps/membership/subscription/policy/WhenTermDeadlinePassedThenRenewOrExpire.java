package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.subscription.domain.EndTerm;
import com.canon.cps.membership.subscription.domain.OrderRenewal;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A term's deadlines have come: order the renewal, or end the term (renew or expire). The aggregate decides whether
 * anything is due, so a deadline fired twice, late, or for a term that is over changes nothing.
 */
@Component
class WhenTermDeadlinePassedThenRenewOrExpire {

    WhenTermDeadlinePassedThenRenewOrExpire(DeadlineScheduler deadlines, CommandGateway commands) {
        deadlines.onDue(
                MembershipDeadlines.RENEWAL_ORDER,
                MembershipDeadlines.TermDue.class,
                due -> commands.sendAndWait(new OrderRenewal(due.accountId(), due.termExpiresOn())));
        deadlines.onDue(
                MembershipDeadlines.TERM_END,
                MembershipDeadlines.TermDue.class,
                due -> commands.sendAndWait(new EndTerm(due.accountId(), due.termExpiresOn())));
    }
}
