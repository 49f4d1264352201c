package com.canon.cps.membership.subscription.messaging;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceDunningExhausted;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentMethodChanged;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
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

    @Bean
    Consumer<Message<byte[]>> billingEvents(
            EventInbox inbox,
            WhenInvoiceDunningExhaustedThenSuspendMembership dunningExhausted,
            WhenInvoicePaidThenSettleUnpaidInvoice paid,
            WhenCreditNoteIssuedThenSettleUnpaidInvoice credited,
            WhenPaymentMethodChangedThenRecordPaymentCard cardChanged) {
        return inbox.consumer("billingEvents")
                .on(InvoiceDunningExhausted.TYPE, InvoiceDunningExhausted.class, dunningExhausted)
                .on(InvoicePaid.TYPE, InvoicePaid.class, paid)
                .on(CreditNoteIssued.TYPE, CreditNoteIssued.class, credited)
                .on(PaymentMethodChanged.TYPE, PaymentMethodChanged.class, cardChanged)
                .build();
    }
}
