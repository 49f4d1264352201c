package com.canon.cps.notification;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.verification.events}: an applicant asked for more information gets the operator's message and
 * the single-use link to answer with a document ({@code /apply/information?token=}); the e-mail's text is kept only
 * until it is sent, the bell entry has the title only. A request published before links existed (no token) gets the
 * message without a link. The recipient is known from the application on {@code cps.account.events}; should this
 * record overtake it, the handler fails and the record is retried. The token arrives sealed for this service and is
 * opened only to write the mail ({@link SealKeys}).
 */
@Configuration(proxyBeanMethods = false)
class WhenVerificationEventThenNotify {

    static final String INFO_REQUESTED_WITH_LINK = "information-requested-link";

    @Bean
    Consumer<Message<byte[]>> verificationEvents(
            EventInbox inbox, Notifications notifications, PortalLinks links, SealKeys keys) {
        return inbox.consumer("verificationEvents")
                .on(VerificationInfoRequestedV2.TYPE, VerificationInfoRequestedV2.class, event -> {
                    VerificationInfoRequestedV2 r = event.data();
                    if (r.sealedToken() == null) {
                        notifications.notify(
                                event.id(), WhenAccountEventThenNotify.INFO_REQUESTED, r.accountId(), r.reason());
                    } else {
                        notifications.notifyInWordsWithSecret(
                                event.id(),
                                WhenAccountEventThenNotify.INFO_REQUESTED,
                                INFO_REQUESTED_WITH_LINK,
                                r.accountId(),
                                r.reason(),
                                links.answerInformation(keys.fromVerification(event, r.sealedToken())),
                                r.tokenExpiresAt());
                    }
                })
                .build();
    }
}
