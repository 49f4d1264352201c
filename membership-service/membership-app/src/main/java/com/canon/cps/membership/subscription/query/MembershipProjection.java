package com.canon.cps.membership.subscription.query;

import com.canon.cps.membership.subscription.domain.AutoRenewalChanged;
import com.canon.cps.membership.subscription.domain.MarketRecorded;
import com.canon.cps.membership.subscription.domain.MembershipActivated;
import com.canon.cps.membership.subscription.domain.MembershipErased;
import com.canon.cps.membership.subscription.domain.MembershipExpired;
import com.canon.cps.membership.subscription.domain.MembershipInvited;
import com.canon.cps.membership.subscription.domain.MembershipReactivated;
import com.canon.cps.membership.subscription.domain.MembershipRenewed;
import com.canon.cps.membership.subscription.domain.MembershipStatus;
import com.canon.cps.membership.subscription.domain.MembershipSuspended;
import com.canon.cps.membership.subscription.domain.NextTierChanged;
import com.canon.cps.membership.subscription.domain.PointsBalanceRecorded;
import com.canon.cps.membership.subscription.domain.SubscriptionOrdered;
import com.canon.cps.platform.projection.Projection;
import com.canon.cps.platform.projection.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per account, every write guarded by the event's sequence number (replays change nothing). Writes
 * set only the fields an event decides, so the first event of an account may be any of them.
 */
@Component
@ProcessingGroup("memberships")
@Projection(MembershipView.class)
class MembershipProjection {

    private final ProjectionWriter writer;

    MembershipProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(MarketRecorded e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("country", e.country()));
    }

    @EventHandler
    void on(PointsBalanceRecorded e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("points", e.balance()));
    }

    @EventHandler
    void on(MembershipInvited e, @SequenceNumber long sequence) {
        // the invitation never moves a membership back: only an account without one becomes INVITED
        write(e.accountId(), sequence, new Update().set("invited", true).set("invitedAt", e.invitedAt()));
    }

    @EventHandler
    void on(MembershipActivated e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("status", MembershipStatus.ACTIVE.name())
                        .set("tier", e.tier())
                        .set("membershipNumber", e.membershipNumber())
                        .set("startsOn", e.startsOn().toString())
                        .set("expiresOn", e.expiresOn().toString())
                        .set("autoRenew", e.autoRenew())
                        .set("nextTier", null)
                        .set("renewalTier", null)
                        .set("renewalStartsOn", null)
                        .set("suspendedOn", null));
    }

    @EventHandler
    void on(SubscriptionOrdered e, @SequenceNumber long sequence) {
        if (e.renewal()) {
            // the ordered term's tier is fixed now; the member's choice was used by this order
            write(
                    e.accountId(),
                    sequence,
                    new Update()
                            .set("renewalTier", e.tier())
                            .set("renewalStartsOn", e.termStartsOn().toString())
                            .set("nextTier", null));
        }
    }

    @EventHandler
    void on(NextTierChanged e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update().set("nextTier", e.nextTier().equals(e.tier()) ? null : e.nextTier()));
    }

    @EventHandler
    void on(MembershipSuspended e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("status", MembershipStatus.SUSPENDED.name())
                        .set("suspendedOn", e.suspendedOn().toString()));
    }

    @EventHandler
    void on(MembershipReactivated e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update().set("status", MembershipStatus.ACTIVE.name()).set("suspendedOn", null));
    }

    @EventHandler
    void on(AutoRenewalChanged e, @SequenceNumber long sequence) {
        write(e.accountId(), sequence, new Update().set("autoRenew", e.autoRenew()));
    }

    @EventHandler
    void on(MembershipRenewed e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("tier", e.tier())
                        .set("startsOn", e.startsOn().toString())
                        .set("expiresOn", e.expiresOn().toString()));
    }

    @EventHandler
    void on(MembershipExpired e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("status", MembershipStatus.EXPIRED.name())
                        .set("nextTier", null)
                        .set("suspendedOn", null));
    }

    /** The account was erased: the membership ended for good; nothing of what would come next is shown. */
    @EventHandler
    void on(MembershipErased e, @SequenceNumber long sequence) {
        write(
                e.accountId(),
                sequence,
                new Update()
                        .set("status", MembershipStatus.ERASED.name())
                        .set("autoRenew", false)
                        .set("nextTier", null)
                        .set("renewalTier", null)
                        .set("renewalStartsOn", null)
                        .set("suspendedOn", null));
    }

    private void write(String accountId, long sequence, Update update) {
        writer.upsert(MembershipView.COLLECTION, accountId, sequence, update);
    }
}
