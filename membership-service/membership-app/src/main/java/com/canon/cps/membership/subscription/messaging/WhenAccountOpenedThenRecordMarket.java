package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.membership.subscription.domain.RecordMarket;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** An opened account's country decides its currency (market). */
@Component
class WhenAccountOpenedThenRecordMarket implements EventInbox.Handler<AccountOpened> {

    private final CommandGateway commands;

    WhenAccountOpenedThenRecordMarket(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<AccountOpened> event) {
        AccountOpened a = event.data();
        commands.sendAndWait(new RecordMarket(a.accountId(), a.country(), a.language()));
    }
}
