package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.PaymentMethodChangeDeclined;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A new card failed its verification: the member keeps the old one and hears why. */
@Component
class WhenPaymentMethodChangeDeclinedThenTellReason implements EventInbox.Handler<PaymentMethodChangeDeclined> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenPaymentMethodChangeDeclinedThenTellReason(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<PaymentMethodChangeDeclined> event) {
        PaymentMethodChangeDeclined d = event.data();
        notifications.notify(
                event.id(),
                "card-change-declined",
                d.accountId(),
                BillingTexts.reason(d.reason()),
                links.subscriptions());
    }
}
