package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.AccountVerified;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events} (binding {@code verificationEvents-in-0}): the VAT ID a registry confirmed
 * at verification (the reverse charge needs it).
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> verificationEvents(EventInbox inbox, WhenAccountVerifiedThenRememberVatId verified) {
        return inbox.consumer("verificationEvents")
                .on(AccountVerified.TYPE, AccountVerified.class, verified)
                .build();
    }
}
