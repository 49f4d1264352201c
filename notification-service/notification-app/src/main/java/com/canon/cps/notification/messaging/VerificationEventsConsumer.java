package com.canon.cps.notification.messaging;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events} (binding {@code verificationEvents-in-0}): an applicant asked for more information gets the
 * operator's message and the single-use link to answer with a document ({@code /apply/information?token=}); the
 * e-mail's text is kept only until it is sent, the bell entry has the title only. The recipient is known from the
 * application on {@code cps.account.events}; should this record overtake it, the handler fails and the record is
 * retried. The token arrives sealed for this service and is opened only to write the mail.
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> verificationEvents(
            EventInbox inbox, WhenVerificationInfoRequestedThenMailAnswerLink infoRequested) {
        return inbox.consumer("verificationEvents")
                .on(VerificationInfoRequestedV2.TYPE, VerificationInfoRequestedV2.class, infoRequested)
                .build();
    }
}
