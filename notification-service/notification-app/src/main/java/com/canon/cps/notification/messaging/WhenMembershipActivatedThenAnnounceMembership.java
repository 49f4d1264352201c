package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The activated membership: number, tier, expiry. */
@Component
class WhenMembershipActivatedThenAnnounceMembership implements EventInbox.Handler<MembershipActivated> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenMembershipActivatedThenAnnounceMembership(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<MembershipActivated> event) {
        MembershipActivated a = event.data();
        notifications.notify(
                event.id(),
                "membership-activated",
                a.accountId(),
                TierNames.of(a.tier()),
                a.membershipNumber(),
                a.expiresOn(),
                links.subscriptions());
    }
}
