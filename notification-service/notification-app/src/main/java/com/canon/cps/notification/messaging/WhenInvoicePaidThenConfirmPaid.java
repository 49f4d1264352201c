package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An invoice is paid in full. */
@Component
class WhenInvoicePaidThenConfirmPaid implements EventInbox.Handler<InvoicePaid> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenInvoicePaidThenConfirmPaid(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<InvoicePaid> event) {
        InvoicePaid p = event.data();
        notifications.notify(
                event.id(), "invoice-paid", p.accountId(), p.number(), p.paidOn(), links.invoice(p.invoiceId()));
    }
}
