package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.AccountVerified;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events}: the VAT ID a registry confirmed at verification, for the price preview.
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> verificationEvents(
            EventInbox inbox, WhenAccountVerifiedThenRememberConfirmedVatId verified) {
        return inbox.consumer("verificationEvents")
                .on(AccountVerified.TYPE, AccountVerified.class, verified)
                .build();
    }
}
