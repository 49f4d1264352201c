package com.canon.cps.notification.messaging;

import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.springframework.stereotype.Component;

/** A renewal term was ordered: the renewal is upcoming. A first order needs nothing (its activation is announced). */
@Component
class WhenSubscriptionOrderedThenAnnounceRenewal implements EventInbox.Handler<SubscriptionOrdered> {

    private final Notifications notifications;
    private final PortalLinks links;

    WhenSubscriptionOrderedThenAnnounceRenewal(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<SubscriptionOrdered> event) {
        SubscriptionOrdered o = event.data();
        if (o.renewal()) {
            notifications.notify(
                    event.id(),
                    "renewal-upcoming",
                    o.accountId(),
                    TierNames.of(o.tier()),
                    o.termStartsOn(),
                    links.subscriptions());
        }
    }
}
