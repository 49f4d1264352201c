package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.subscription.domain.EndTerm;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A term's end has come: the ordered renewal starts, or the membership expires. The aggregate decides, so a deadline
 * fired twice, late, or for a term that is over changes nothing.
 */
@Component
class WhenTermEndDueThenEndTerm {

    private final CommandGateway commands;

    WhenTermEndDueThenEndTerm(DeadlineScheduler deadlines, CommandGateway commands) {
        this.commands = commands;
        deadlines.onDue(MembershipDeadlines.TERM_END, MembershipDeadlines.TermEndDue.class, this::on);
    }

    void on(MembershipDeadlines.TermEndDue due) {
        commands.sendAndWait(new EndTerm(due.accountId(), due.termExpiresOn()));
    }
}
