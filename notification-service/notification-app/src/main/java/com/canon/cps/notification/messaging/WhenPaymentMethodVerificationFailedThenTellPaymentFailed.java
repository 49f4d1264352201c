package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.PaymentMethodVerificationFailed;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A card failed its zero-amount verification at checkout: "payment failed", in the words of a card not verified. */
@Component
class WhenPaymentMethodVerificationFailedThenTellPaymentFailed
        implements EventInbox.Handler<PaymentMethodVerificationFailed> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenPaymentMethodVerificationFailedThenTellPaymentFailed(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<PaymentMethodVerificationFailed> event) {
        notifications.notifyInWords(
                event.id(),
                BillingTexts.PAYMENT_FAILED,
                "card-not-verified",
                event.data().accountId(),
                BillingTexts.reason(event.data().reason()),
                links.subscriptions());
    }
}
