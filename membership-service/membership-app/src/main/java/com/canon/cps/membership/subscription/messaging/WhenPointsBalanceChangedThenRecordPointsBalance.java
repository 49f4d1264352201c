package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.subscription.domain.RecordPointsBalance;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.points.contract.PointsBalanceChanged;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Every balance change is recorded: it decides which tiers the account can buy. */
@Component
class WhenPointsBalanceChangedThenRecordPointsBalance implements EventInbox.Handler<PointsBalanceChanged> {

    private final CommandGateway commands;

    WhenPointsBalanceChangedThenRecordPointsBalance(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<PointsBalanceChanged> event) {
        PointsBalanceChanged e = event.data();
        commands.sendAndWait(new RecordPointsBalance(e.accountId(), e.balance()));
    }
}
