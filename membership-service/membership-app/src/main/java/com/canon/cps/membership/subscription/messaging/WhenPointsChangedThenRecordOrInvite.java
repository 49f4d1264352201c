package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.subscription.domain.InviteMember;
import com.canon.cps.membership.subscription.domain.RecordPointsBalance;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.points.events}: every balance change is recorded (it decides which tiers can be bought); the
 * threshold event invites the account. points-service owns the threshold, so membership does not second-guess it;
 * the balance is recorded with the invitation too, since the two events may be handled in either order.
 */
@Configuration(proxyBeanMethods = false)
class WhenPointsChangedThenRecordOrInvite {

    @Bean
    Consumer<Message<byte[]>> pointsEvents(EventInbox inbox, CommandGateway commands) {
        return inbox.consumer("pointsEvents")
                .on(PointsBalanceChanged.TYPE, PointsBalanceChanged.class, event -> {
                    PointsBalanceChanged p = event.data();
                    commands.sendAndWait(new RecordPointsBalance(p.accountId(), p.balance()));
                })
                .on(PointsThresholdReached.TYPE, PointsThresholdReached.class, event -> {
                    PointsThresholdReached p = event.data();
                    commands.sendAndWait(new InviteMember(p.accountId(), p.balance()));
                })
                .build();
    }
}
