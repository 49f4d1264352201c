package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.notification.Amount;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** An invoice is overdue: what is owed, since when, and how to pay it. */
@Component
class WhenInvoiceOverdueThenRemind implements EventInbox.Handler<InvoiceOverdue> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenInvoiceOverdueThenRemind(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<InvoiceOverdue> event) {
        InvoiceOverdue o = event.data();
        notifications.notify(
                event.id(),
                BillingTexts.INVOICE_OVERDUE,
                o.accountId(),
                o.number(),
                Amount.of(o.gross()),
                o.dueDate(),
                BillingTexts.howToPay(o),
                links.invoice(o.invoiceId()));
    }
}
