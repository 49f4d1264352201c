package com.canon.cps.notification;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code cps.account.events}: the applicant hears that the application arrived. */
@Configuration(proxyBeanMethods = false)
class WhenAccountEventThenNotify {

    @Bean
    Consumer<Message<byte[]>> accountEvents(EventInbox inbox, Notifications notifications) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, event -> {
                    AccountApplicationSubmitted a = event.data();
                    notifications.rememberRecipient(
                            a.accountId(), a.contactEmail(), a.contactName(), a.companyName(), a.language());
                    notifications.notify(event.id(), "application-received", a.accountId());
                })
                .build();
    }
}
