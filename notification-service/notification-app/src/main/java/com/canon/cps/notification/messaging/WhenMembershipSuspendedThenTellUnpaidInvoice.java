package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The membership was suspended for an unpaid invoice, with a link to it. */
@Component
class WhenMembershipSuspendedThenTellUnpaidInvoice implements EventInbox.Handler<MembershipSuspended> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenMembershipSuspendedThenTellUnpaidInvoice(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<MembershipSuspended> event) {
        MembershipSuspended e = event.data();
        notifications.notify(
                event.id(),
                "membership-suspended",
                e.accountId(),
                e.membershipNumber(),
                e.invoiceNumber(),
                links.invoice(e.invoiceId()));
    }
}
