package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceDunningExhausted;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentMethodChanged;
import com.canon.cps.membership.subscription.domain.RecordPaymentCard;
import com.canon.cps.membership.subscription.domain.SettleUnpaidInvoice;
import com.canon.cps.membership.subscription.domain.SuspendForUnpaidInvoice;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.billing.events}: an invoice unpaid after the last dunning step suspends the membership; paid,
 * or credited in full, it no longer does; a new card billing verified is the one renewals are ordered with. Each
 * command is idempotent on the membership (by invoice and by change), so redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventsConsumer {

    static final String INVOICE_PAID = "INVOICE_PAID";
    static final String INVOICE_CREDITED = "INVOICE_CREDITED";
    private static final String CREDITED = "CREDITED";

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventInbox inbox, CommandGateway commands) {
        return inbox.consumer("billingEvents")
                .on(InvoiceDunningExhausted.TYPE, InvoiceDunningExhausted.class, event -> {
                    InvoiceDunningExhausted e = event.data();
                    send(commands, new SuspendForUnpaidInvoice(e.accountId(), e.invoiceId(), e.number()));
                })
                .on(InvoicePaid.TYPE, InvoicePaid.class, event -> {
                    InvoicePaid e = event.data();
                    send(commands, new SettleUnpaidInvoice(e.accountId(), e.invoiceId(), INVOICE_PAID));
                })
                .on(CreditNoteIssued.TYPE, CreditNoteIssued.class, event -> {
                    CreditNoteIssued e = event.data();
                    if (CREDITED.equals(e.invoiceStatus())) {
                        send(commands, new SettleUnpaidInvoice(e.accountId(), e.invoiceId(), INVOICE_CREDITED));
                    }
                })
                .on(PaymentMethodChanged.TYPE, PaymentMethodChanged.class, event -> {
                    PaymentMethodChanged e = event.data();
                    send(commands, new RecordPaymentCard(e.accountId(), e.requestId(), e.cardTokenReference()));
                })
                .build();
    }

    /** An account without a membership has nothing to suspend, settle or pay by card: the event changes nothing. */
    private static void send(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof AggregateNotFoundException) {
                    return; // no membership was ever bought by this account
                }
            }
            throw e;
        }
    }
}
