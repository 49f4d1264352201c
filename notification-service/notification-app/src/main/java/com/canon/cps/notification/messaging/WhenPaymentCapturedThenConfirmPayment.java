package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.notification.Amount;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A payment was received: its amount and how it was paid. */
@Component
class WhenPaymentCapturedThenConfirmPayment implements EventInbox.Handler<PaymentCaptured> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenPaymentCapturedThenConfirmPayment(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<PaymentCaptured> event) {
        PaymentCaptured c = event.data();
        notifications.notify(
                event.id(),
                "payment-captured",
                c.accountId(),
                c.number(),
                Amount.of(c.amount()),
                Text.withFallback("payment-method." + c.method(), String.valueOf(c.method())),
                links.invoice(c.invoiceId()));
    }
}
