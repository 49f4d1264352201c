package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.Address;
import com.canon.cps.billing.invoice.BuyerDirectory;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.RegistryEvidence;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.account.events} and {@code cps.verification.events}: the buyer's name, address, language and
 * VAT ID from the application, and the VAT ID a registry confirmed at verification (the reverse charge needs it); an
 * erased account is erased here too ({@link WhenAccountErasedThenErase}).
 */
@Configuration(proxyBeanMethods = false)
class WhenAccountEventThenRememberBuyer {

    @Bean
    Consumer<Message<byte[]>> accountEvents(
            EventInbox inbox, BuyerDirectory buyers, PersonalDataErasure erasure, WhenAccountErasedThenErase erased) {
        return inbox.consumer("accountEvents")
                .on(AccountApplicationSubmitted.TYPE, AccountApplicationSubmitted.class, event -> {
                    AccountApplicationSubmitted a = event.data();
                    if (erasure.isErased(a.accountId())) {
                        return; // redelivered after the erasure: not remembered again
                    }
                    Address address = a.address();
                    buyers.rememberApplication(
                            a.accountId(),
                            a.companyName(),
                            address.line1(),
                            address.postalCode(),
                            address.city(),
                            a.country(),
                            a.language(),
                            a.vatLiable(),
                            a.vatId());
                })
                .on(AccountErased.TYPE, AccountErased.class, erased)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> verificationEvents(EventInbox inbox, BuyerDirectory buyers, PersonalDataErasure erasure) {
        return inbox.consumer("verificationEvents")
                .on(AccountVerified.TYPE, AccountVerified.class, event -> {
                    AccountVerified v = event.data();
                    if (erasure.isErased(v.accountId())) {
                        return;
                    }
                    RegistryEvidence evidence = v.registryEvidence();
                    buyers.rememberVerification(v.accountId(), evidence == null ? null : evidence.vatId());
                })
                .build();
    }
}
