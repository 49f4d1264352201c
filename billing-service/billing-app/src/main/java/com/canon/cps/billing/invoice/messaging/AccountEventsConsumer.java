package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events} (binding {@code accountEvents-in-0}): the buyer's name, address, language and
 * VAT ID from the application; an erased account is erased here too.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            WhenAccountApplicationSubmittedThenRememberBuyer submitted,
            WhenAccountErasedThenErase erased) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, submitted)
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }
}
