package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.contract.PaymentMethodChangeDeclined;
import com.canon.cps.billing.contract.PaymentMethodVerificationFailed;
import com.canon.cps.platform.consuming.EventInbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.billing.events} (binding {@code billingEvents-in-0}): the issued invoice (with its PDF attached and how to pay
 * it), a card that failed its verification at checkout or a charge that failed (both "payment failed", each in its
 * own words) and an overdue invoice, each as an e-mail in the account's language and a bell entry, at most once per
 * source event; also a payment received, an invoice paid, a credit note (its PDF attached and how money is paid back)
 * and a new card that failed its verification. Verified cards, a new card verified, and refunds need no notification
 * of their own (the credit note said it). An invoice whose PDF does not match its SHA-256 fails the handler (retried,
 * then dead-lettered): the member never gets a damaged document.
 */
@Configuration(proxyBeanMethods = false)
class BillingEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> billingEvents(
            EventInbox inbox,
            WhenInvoiceIssuedThenSendInvoice invoiceIssued,
            WhenPaymentMethodVerificationFailedThenTellPaymentFailed verificationFailed,
            WhenPaymentFailedThenTellPaymentFailed paymentFailed,
            WhenPaymentCapturedThenConfirmPayment paymentCaptured,
            WhenInvoicePaidThenConfirmPaid invoicePaid,
            WhenCreditNoteIssuedThenSendCreditNote creditNoteIssued,
            WhenPaymentMethodChangeDeclinedThenTellReason changeDeclined,
            WhenInvoiceOverdueThenRemind invoiceOverdue) {
        return inbox.consumer("billingEvents")
                .on(InvoiceIssued.TYPE, InvoiceIssued.class, invoiceIssued)
                .on(PaymentMethodVerificationFailed.TYPE, PaymentMethodVerificationFailed.class, verificationFailed)
                .on(PaymentFailed.TYPE, PaymentFailed.class, paymentFailed)
                .on(PaymentCaptured.TYPE, PaymentCaptured.class, paymentCaptured)
                .on(InvoicePaid.TYPE, InvoicePaid.class, invoicePaid)
                .on(CreditNoteIssued.TYPE, CreditNoteIssued.class, creditNoteIssued)
                .on(PaymentMethodChangeDeclined.TYPE, PaymentMethodChangeDeclined.class, changeDeclined)
                .on(InvoiceOverdue.TYPE, InvoiceOverdue.class, invoiceOverdue)
                .build();
    }
}
