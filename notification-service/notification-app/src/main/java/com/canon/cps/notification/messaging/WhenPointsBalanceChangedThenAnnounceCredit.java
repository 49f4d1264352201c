package com.canon.cps.notification.messaging;

import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.notification.PortalLinks;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.contract.PointsBalanceChanged;
import org.springframework.stereotype.Component;

/** Points credited for one of the member's own registrations; points removed, changes published before they carried their reason and a migration's products are not announced. */
@Component
class WhenPointsBalanceChangedThenAnnounceCredit implements EventInbox.Handler<PointsBalanceChanged> {

    private static final String POINTS_CREDITED = "points-credited";

    private final Notifications notifications;
    private final PortalLinks links;

    WhenPointsBalanceChangedThenAnnounceCredit(Notifications notifications, PortalLinks links) {
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void handle(InboundEvent<PointsBalanceChanged> event) {
        PointsBalanceChanged p = event.data();
        if (credited(p)) {
            notifications.notify(
                    event.id(),
                    POINTS_CREDITED,
                    p.accountId(),
                    p.change(),
                    Text.of(POINTS_CREDITED + ".reason." + p.reason(), p.modelCode()),
                    p.balance(),
                    links.products());
        }
    }

    /** Points added for one of the member's own registrations. */
    static boolean credited(PointsBalanceChanged p) {
        return p.change() != null
                && p.change() > 0
                && ("PRODUCT_REGISTERED".equals(p.reason()) || "PRODUCT_COMPLETED".equals(p.reason()));
    }
}
