package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The suspended membership is active again. */
@Component
class WhenMembershipReactivatedThenAnnounceReactivation implements EventInbox.Handler<MembershipReactivated> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenMembershipReactivatedThenAnnounceReactivation(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<MembershipReactivated> event) {
        MembershipReactivated e = event.data();
        notifications.notify(
                event.id(), "membership-reactivated", e.accountId(), e.membershipNumber(), links.subscriptions());
    }
}
