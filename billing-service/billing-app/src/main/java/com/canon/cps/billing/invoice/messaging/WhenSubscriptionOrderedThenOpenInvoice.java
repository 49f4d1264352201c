package com.canon.cps.billing.invoice.messaging;

import com.canon.cps.billing.invoice.BuyerDirectory;
import com.canon.cps.billing.invoice.domain.Buyer;
import com.canon.cps.billing.invoice.domain.OpenInvoice;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Each ordered term (first or renewal) opens one invoice, whose id derives from the subscription id, so a redelivered
 * order opens nothing new. The buyer must be known from the account's application; should the order ever overtake it,
 * the handler fails and the record is retried (then dead-lettered).
 */
@Component
public class WhenSubscriptionOrderedThenOpenInvoice implements EventInbox.Handler<SubscriptionOrdered> {

    private final BuyerDirectory buyers;
    private final CommandGateway commands;

    WhenSubscriptionOrderedThenOpenInvoice(BuyerDirectory buyers, CommandGateway commands) {
        this.buyers = buyers;
        this.commands = commands;
    }

    @Override
    public void handle(InboundEvent<SubscriptionOrdered> event) {
        SubscriptionOrdered o = event.data();
        Buyer buyer = buyers.find(o.accountId())
                .orElseThrow(
                        () -> new IllegalStateException("no application known for account " + o.accountId() + " yet"));
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
    }

    static String invoiceId(String subscriptionId) {
        return UUID.nameUUIDFromBytes(("invoice:" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
