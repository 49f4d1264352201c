package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.notification.Amount;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A credit note, its PDF attached (checked against its SHA-256) and how the money is paid back; refunds need no notification of their own. */
@Component
class WhenCreditNoteIssuedThenSendCreditNote implements EventInbox.Handler<CreditNoteIssued> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenCreditNoteIssuedThenSendCreditNote(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<CreditNoteIssued> event) {
        CreditNoteIssued c = event.data();
        notifications.notifyWithAttachment(
                event.id(),
                BillingTexts.CREDIT_NOTE_ISSUED,
                c.accountId(),
                BillingTexts.document(c.number(), c.document()),
                c.number(),
                c.invoiceNumber(),
                Amount.of(c.gross()),
                c.reason(),
                Text.of(
                        BillingTexts.CREDIT_NOTE_ISSUED + ".refund." + BillingTexts.refundMethod(c.refundMethod()),
                        Amount.of(c.gross())),
                links.invoice(c.invoiceId()));
    }
}
