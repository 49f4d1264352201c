package com.canon.cps.product.migration.messaging;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.account.contract.LegacyEmailConfirmed;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events} (binding {@code accountEvents-in-0}, derived from {@code cps.consumes}): an
 * opened account tells product-service the account exists and which old CPS e-mail it gave; a confirmed old CPS e-mail
 * makes the migration available; an erased account's pending migration is stopped and its data erased (GDPR Art. 17).
 * Other types are ignored.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox,
            WhenAccountOpenedThenPrepareLegacyMigration opened,
            WhenLegacyEmailConfirmedThenOfferMigration confirmed,
            WhenAccountErasedThenStopLegacyMigration erased) {
        return inbox.consumer("accountEvents")
                .on(AccountOpened.TYPE, AccountOpened.class, opened)
                .on(LegacyEmailConfirmed.TYPE, LegacyEmailConfirmed.class, confirmed)
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }
}
