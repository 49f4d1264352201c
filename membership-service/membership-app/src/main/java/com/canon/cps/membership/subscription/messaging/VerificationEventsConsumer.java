package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.membership.subscription.BuyerVatStatus;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events}: the VAT ID a registry confirmed at verification, which the reverse
 * charge of the price preview needs (as billing's invoice does).
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> verificationEvents(EventInbox inbox, BuyerVatStatus buyers) {
        return inbox.consumer("verificationEvents")
                .on(AccountVerified.TYPE, AccountVerified.class, event -> {
                    AccountVerified v = event.data();
                    RegistryEvidence evidence = v.registryEvidence();
                    buyers.rememberVerification(v.accountId(), evidence == null ? null : evidence.vatId());
                })
                .build();
    }
}
