package com.canon.cps.billing.messaging;

import com.canon.cps.membership.contract.PaymentMethodChangeRequested;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.membership.events} (one binding for the topic) and routes each type to its feature: an ordered
 * term opens an invoice, a new card is verified before it becomes the account's card.
 */
@Configuration(proxyBeanMethods = false)
class MembershipEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> membershipEvents(
            EventInbox inbox,
            WhenSubscriptionOrderedThenOpenInvoice ordered,
            WhenPaymentMethodChangeRequestedThenVerifyCard cardChange) {
        return inbox.consumer("membershipEvents")
                .on(SubscriptionOrdered.TYPE, SubscriptionOrdered.class, ordered)
                .on(PaymentMethodChangeRequested.TYPE, PaymentMethodChangeRequested.class, cardChange)
                .build();
    }
}
