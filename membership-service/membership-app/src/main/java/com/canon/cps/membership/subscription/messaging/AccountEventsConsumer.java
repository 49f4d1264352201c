package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events}: an opened account's country decides its currency (market); the application
 * tells the buyer's VAT status for the price preview; an erased account's membership ends and its data is erased.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            WhenAccountOpenedThenRecordMarket opened,
            WhenAccountApplicationSubmittedThenRememberVatStatus submitted,
            WhenAccountErasedThenEndMembership erased) {
        return inbox.consumer("accountEvents")
                .on(AccountOpened.TYPE, AccountOpened.class, opened)
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, submitted)
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }
}
