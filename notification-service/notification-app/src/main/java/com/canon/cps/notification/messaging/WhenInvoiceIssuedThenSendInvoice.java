package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.notification.Amount;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** The issued invoice, with its PDF attached (checked against its SHA-256) and how to pay it. */
@Component
class WhenInvoiceIssuedThenSendInvoice implements EventInbox.Handler<InvoiceIssued> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenInvoiceIssuedThenSendInvoice(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<InvoiceIssued> event) {
        InvoiceIssued i = event.data();
        notifications.notifyWithAttachment(
                event.id(),
                BillingTexts.INVOICE_ISSUED,
                i.accountId(),
                BillingTexts.document(i),
                i.number(),
                Amount.of(i.gross()),
                i.dueDate(),
                BillingTexts.isBlank(i.purchaseOrderNumber())
                        ? ""
                        : Text.of(BillingTexts.INVOICE_ISSUED + ".purchase-order", i.purchaseOrderNumber()),
                BillingTexts.howToPay(i),
                links.invoice(i.invoiceId()));
    }
}
