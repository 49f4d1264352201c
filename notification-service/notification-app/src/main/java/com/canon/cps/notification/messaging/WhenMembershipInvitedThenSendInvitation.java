package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The CPS invitation, with the points it brings. */
@Component
class WhenMembershipInvitedThenSendInvitation implements EventInbox.Handler<MembershipInvited> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenMembershipInvitedThenSendInvitation(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<MembershipInvited> event) {
        notifications.notify(
                event.id(),
                "cps-invitation",
                event.data().accountId(),
                event.data().points(),
                links.subscriptions(),
                links.products());
    }
}
