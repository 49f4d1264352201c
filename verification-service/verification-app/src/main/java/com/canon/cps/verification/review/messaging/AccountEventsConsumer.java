package com.canon.cps.verification.review.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.CompanyChangeRequested;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events} (binding {@code accountEvents-in-0}, derived from {@code cps.consumes}): a
 * submitted application opens its verification case, a member's change of company details opens a change case, and an
 * erased account's cases, documents and links are erased. Other types are ignored; the inbox drops redeliveries.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            WhenAccountApplicationSubmittedThenOpenCase submitted,
            WhenCompanyChangeRequestedThenOpenChangeCase changeRequested,
            WhenAccountErasedThenErase erased) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, submitted)
                .on(CompanyChangeRequested.TYPE, CompanyChangeRequested.class, changeRequested)
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }
}
