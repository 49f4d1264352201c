package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.points.events}: every balance change is recorded (it decides which tiers can be bought); the
 * threshold event invites the account.
 */
@Configuration(proxyBeanMethods = false)
class PointsEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> pointsEvents(
            EventInbox inbox,
            WhenPointsBalanceChangedThenRecordPointsBalance balanceChanged,
            WhenPointsThresholdReachedThenInviteMember thresholdReached) {
        return inbox.consumer("pointsEvents")
                .on(PointsBalanceChanged.TYPE, PointsBalanceChanged.class, balanceChanged)
                .on(PointsThresholdReached.TYPE, PointsThresholdReached.class, thresholdReached)
                .build();
    }
}
