package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.billing.invoice.BuyerDirectory;
import com.canon.cps.billing.invoice.domain.Buyer;
import com.canon.cps.billing.invoice.domain.OpenInvoice;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.membership.events}: each ordered term (first or renewal) opens one invoice, whose id derives
 * from the subscription id, so a redelivered order opens nothing new. The buyer must be known from the account's
 * application; should the order ever overtake it, the handler fails and the record is retried (then dead-lettered).
 */
@Configuration(proxyBeanMethods = false)
class WhenSubscriptionOrderedThenOpenInvoice {

    @Bean
    Consumer<Message<byte[]>> membershipEvents(EventInbox inbox, BuyerDirectory buyers, CommandGateway commands) {
        return inbox.consumer("membershipEvents")
                .on(SubscriptionOrdered.TYPE, SubscriptionOrdered.class, event -> {
                    SubscriptionOrdered o = event.data();
                    Buyer buyer = buyers.find(o.accountId())
                            .orElseThrow(() -> new IllegalStateException(
                                    "no application known for account " + o.accountId() + " yet"));
                    commands.sendAndWait(new OpenInvoice(
                            invoiceId(o.subscriptionId()),
                            o.accountId(),
                            o.subscriptionId(),
                            o.tier(),
                            o.term(),
                            o.termStartsOn(),
                            o.price().currency(),
                            new BigDecimal(o.price().amount()),
                            o.purchaseOrderNumber(),
                            PaymentMethod.valueOf(o.paymentMethod()),
                            o.cardTokenReference(),
                            o.renewal(),
                            o.orderedAt(),
                            buyer));
                })
                .build();
    }

    static String invoiceId(String subscriptionId) {
        return UUID.nameUUIDFromBytes(("invoice:" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
