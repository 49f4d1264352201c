package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The membership expired. */
@Component
class WhenMembershipExpiredThenAnnounceExpiry implements EventInbox.Handler<MembershipExpired> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenMembershipExpiredThenAnnounceExpiry(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<MembershipExpired> event) {
        MembershipExpired e = event.data();
        notifications.notify(
                event.id(),
                "membership-expired",
                e.accountId(),
                e.membershipNumber(),
                e.expiredOn(),
                links.subscriptions());
    }
}
