package com.canon.cps.notification;

import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.points.contract.PointsBalanceChanged;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.points.events}: points credited for a product registered complete or completed, as an e-mail
 * in the account's language and a bell entry, at most once per source event. Points removed need no notification
 * (the member deregistered the product), nor do changes published before they carried their reason; a migration's
 * products are not announced one by one (the member started the migration and sees its result at once).
 */
@Configuration(proxyBeanMethods = false)
class WhenPointsEventThenNotify {

    static final String POINTS_CREDITED = "points-credited";

    @Bean
    Consumer<Message<byte[]>> pointsEvents(EventInbox inbox, Notifications notifications, PortalLinks links) {
        return inbox.consumer("pointsEvents")
                .on(PointsBalanceChanged.TYPE, PointsBalanceChanged.class, event -> {
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
                })
                .build();
    }

    /** Points added for one of the member's own registrations. */
    static boolean credited(PointsBalanceChanged p) {
        return p.change() != null
                && p.change() > 0
                && ("PRODUCT_REGISTERED".equals(p.reason()) || "PRODUCT_COMPLETED".equals(p.reason()));
    }
}
