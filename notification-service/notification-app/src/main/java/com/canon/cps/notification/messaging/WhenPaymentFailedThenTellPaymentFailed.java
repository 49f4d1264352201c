package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.notification.Amount;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A charge failed: the reason in words and when the next attempt comes, if one does. */
@Component
class WhenPaymentFailedThenTellPaymentFailed implements EventInbox.Handler<PaymentFailed> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenPaymentFailedThenTellPaymentFailed(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<PaymentFailed> event) {
        PaymentFailed f = event.data();
        notifications.notify(
                event.id(),
                BillingTexts.PAYMENT_FAILED,
                f.accountId(),
                f.number(),
                Amount.of(f.amount()),
                BillingTexts.reason(f.reason()),
                f.nextAttemptOn() == null
                        ? Text.of(BillingTexts.PAYMENT_FAILED + ".no-next-attempt")
                        : Text.of(BillingTexts.PAYMENT_FAILED + ".next-attempt", f.nextAttemptOn()),
                links.invoice(f.invoiceId()));
    }
}
