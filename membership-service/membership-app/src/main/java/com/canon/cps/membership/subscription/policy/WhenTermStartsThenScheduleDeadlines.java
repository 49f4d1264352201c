package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.config.MembershipSettings;
import com.canon.cps.membership.subscription.domain.MembershipActivated;
import com.canon.cps.membership.subscription.domain.MembershipRenewed;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Each term (first or renewed) gets two deadlines, stored in the transaction of the event that starts it: the
 * renewal order (lead time before the expiry) and the end of the term (start of the day after the expiry, UTC).
 *
 * <p>The renewal-order deadline is scheduled whether or not auto-renewal is on, so that switching it on later needs
 * no new deadline; the aggregate ignores it when auto-renewal is off. Nothing is cancelled: every deadline names its
 * term, and one that comes for a term already over changes nothing.
 */
@Component
@ProcessingGroup(MembershipDeadlines.PROCESSING_GROUP)
class WhenTermStartsThenScheduleDeadlines {

    private final DeadlineScheduler deadlines;
    private final MembershipSettings settings;

    WhenTermStartsThenScheduleDeadlines(DeadlineScheduler deadlines, MembershipSettings settings) {
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @EventHandler
    void on(MembershipActivated event) {
        schedule(event.accountId(), event.expiresOn());
    }

    @EventHandler
    void on(MembershipRenewed event) {
        schedule(event.accountId(), event.expiresOn());
    }

    private void schedule(String accountId, LocalDate expiresOn) {
        Instant termEnd = expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        MembershipDeadlines.TermDue due = new MembershipDeadlines.TermDue(accountId, expiresOn);
        deadlines.schedule(
                MembershipDeadlines.id(MembershipDeadlines.RENEWAL_ORDER, accountId, expiresOn),
                MembershipDeadlines.RENEWAL_ORDER,
                termEnd.minus(settings.renewalLeadTime()),
                due);
        deadlines.schedule(
                MembershipDeadlines.id(MembershipDeadlines.TERM_END, accountId, expiresOn),
                MembershipDeadlines.TERM_END,
                termEnd,
                due);
    }
}
