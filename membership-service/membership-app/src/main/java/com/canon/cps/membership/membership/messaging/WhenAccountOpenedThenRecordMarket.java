package com.canon.cps.membership.membership.messaging;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.membership.membership.domain.RecordMarket;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code cps.account.events}: an opened account's country decides its currency (market). */
@Configuration(proxyBeanMethods = false)
class WhenAccountOpenedThenRecordMarket {

    @Bean
    Consumer<Message<byte[]>> accountEvents(EventInbox inbox, CommandGateway commands) {
        return inbox.consumer("accountEvents")
                .on(AccountOpened.TYPE, AccountOpened.class, event -> {
                    AccountOpened a = event.data();
                    commands.sendAndWait(new RecordMarket(a.accountId(), a.country(), a.language()));
                })
                .build();
    }
}
