package com.canon.cps.membership.subscription.policy;

import com.canon.cps.membership.config.MembershipSettings;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Each term (first or renewed) gets two deadlines: the renewal order (lead time before the expiry) and the end of the
 * term (start of the day after the expiry, UTC).
 *
 * <p>The renewal-order deadline is scheduled whether or not auto-renewal is on, so that switching it on later needs
 * no new deadline; the aggregate ignores it when auto-renewal is off. Nothing is cancelled: every deadline names its
 * term, and one that comes for a term already over changes nothing.
 */
@Component
class TermDeadlines {

    private final DeadlineScheduler deadlines;
    private final MembershipSettings settings;

    TermDeadlines(DeadlineScheduler deadlines, MembershipSettings settings) {
        this.deadlines = deadlines;
        this.settings = settings;
    }

    void schedule(String accountId, LocalDate expiresOn) {
        Instant termEnd = expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        deadlines.schedule(
                MembershipDeadlines.id(MembershipDeadlines.RENEWAL_ORDER, accountId, expiresOn),
                MembershipDeadlines.RENEWAL_ORDER,
                termEnd.minus(settings.renewalLeadTime()),
                new MembershipDeadlines.RenewalOrderDue(accountId, expiresOn));
        deadlines.schedule(
                MembershipDeadlines.id(MembershipDeadlines.TERM_END, accountId, expiresOn),
                MembershipDeadlines.TERM_END,
                termEnd,
                new MembershipDeadlines.TermEndDue(accountId, expiresOn));
    }
}
