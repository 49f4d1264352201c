package com.canon.cps.notification.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.points.contract.PointsBalanceChanged;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.points.events} (binding {@code pointsEvents-in-0}): points credited for a product registered complete or
 * completed, as an e-mail in the account's language and a bell entry, at most once per source event.
 */
@Configuration(proxyBeanMethods = false)
class PointsEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> pointsEvents(
            EventInbox inbox, WhenPointsBalanceChangedThenAnnounceCredit balanceChanged) {
        return inbox.consumer("pointsEvents")
                .on(PointsBalanceChanged.TYPE, PointsBalanceChanged.class, balanceChanged)
                .build();
    }
}
