package com.canon.cps.billing.messaging;

import com.canon.cps.billing.invoice.domain.Buyer;
import com.canon.cps.billing.invoice.domain.OpenInvoice;
import com.canon.cps.billing.invoice.domain.PaymentMethod;
import com.canon.cps.billing.invoice.store.BuyerDirectory;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Each ordered term (first or renewal) opens one invoice, whose id derives from the subscription id, so a redelivered
 * order opens nothing new. The buyer must be known from the account's application; should the order ever overtake it,
 * the handler fails and the record is retried (then dead-lettered). An order for an erased account (a renewal under
 * way at the erasure) opens nothing: an erased account is invoiced no more (ADR 24).
 */
@Component
class WhenSubscriptionOrderedThenOpenInvoice implements EventInbox.Handler<SubscriptionOrdered> {

    private final BuyerDirectory buyers;
    private final CommandGateway commands;
    private final PersonalDataErasure erasure;

    WhenSubscriptionOrderedThenOpenInvoice(
            BuyerDirectory buyers, CommandGateway commands, PersonalDataErasure erasure) {
        this.buyers = buyers;
        this.commands = commands;
        this.erasure = erasure;
    }

    @Override
    public void handle(InboundEvent<SubscriptionOrdered> event) {
        SubscriptionOrdered o = event.data();
        if (erasure.isErased(o.accountId())) {
            return;
        }
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
                orderedBy(o.paymentMethod()),
                o.cardTokenReference(),
                o.renewal(),
                o.orderedAt(),
                buyer));
    }

    /** An order is paid by card or bank transfer; anything else (MANUAL included) is no order billing can take. */
    private static PaymentMethod orderedBy(String method) {
        PaymentMethod m = PaymentMethod.valueOf(method);
        if (m == PaymentMethod.MANUAL) {
            throw new IllegalArgumentException("an order cannot be paid " + method);
        }
        return m;
    }

    static String invoiceId(String subscriptionId) {
        return UUID.nameUUIDFromBytes(("invoice:" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
