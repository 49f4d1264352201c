package com.canon.cps.notification;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceDocument;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.contract.PaymentInstructions;
import com.canon.cps.billing.contract.PaymentMethodChangeDeclined;
import com.canon.cps.billing.contract.PaymentMethodVerificationFailed;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.platform.consuming.EventInbox;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code cps.billing.events}: the issued invoice (with its PDF attached and how to pay it), a card that failed
 * its verification at checkout or a charge that failed (both "payment failed", each in its own words) and an overdue
 * invoice, each as an e-mail in the account's language and a bell entry, at most once per source event; also a payment
 * received, an invoice paid, a credit note (its PDF attached and how money is paid back) and a new card that failed its
 * verification. Verified cards, a new card verified, and refunds need no notification of their own (the credit note
 * said it). An invoice whose PDF does not match its SHA-256
 * fails the handler (retried, then dead-lettered): the member never gets a damaged document.
 */
@Configuration(proxyBeanMethods = false)
class WhenBillingEventThenNotify {

    static final String INVOICE_ISSUED = "invoice-issued";
    static final String PAYMENT_FAILED = "payment-failed";
    static final String INVOICE_OVERDUE = "invoice-overdue";
    /** The texts of a payment-failed notification caused by a card that failed its zero-amount verification. */
    static final String CARD_NOT_VERIFIED = "card-not-verified";

    static final String PAYMENT_CAPTURED = "payment-captured";
    static final String INVOICE_PAID = "invoice-paid";
    static final String CREDIT_NOTE_ISSUED = "credit-note-issued";
    static final String CARD_CHANGE_DECLINED = "card-change-declined";

    private static final String CARD = "CARD";
    private static final String BANK_TRANSFER = "BANK_TRANSFER";

    @Bean
    Consumer<Message<byte[]>> billingEvents(EventInbox inbox, Notifications notifications, PortalLinks links) {
        return inbox.consumer("billingEvents")
                .on(InvoiceIssued.TYPE, InvoiceIssued.class, event -> {
                    InvoiceIssued i = event.data();
                    notifications.notifyWithAttachment(
                            event.id(),
                            INVOICE_ISSUED,
                            i.accountId(),
                            document(i),
                            i.number(),
                            Amount.of(i.gross()),
                            i.dueDate(),
                            isBlank(i.purchaseOrderNumber())
                                    ? ""
                                    : Text.of(INVOICE_ISSUED + ".purchase-order", i.purchaseOrderNumber()),
                            howToPay(i),
                            links.invoice(i.invoiceId()));
                })
                .on(
                        PaymentMethodVerificationFailed.TYPE,
                        PaymentMethodVerificationFailed.class,
                        event -> notifications.notifyInWords(
                                event.id(),
                                PAYMENT_FAILED,
                                CARD_NOT_VERIFIED,
                                event.data().accountId(),
                                reason(event.data().reason()),
                                links.subscriptions()))
                .on(PaymentFailed.TYPE, PaymentFailed.class, event -> {
                    PaymentFailed f = event.data();
                    notifications.notify(
                            event.id(),
                            PAYMENT_FAILED,
                            f.accountId(),
                            f.number(),
                            Amount.of(f.amount()),
                            reason(f.reason()),
                            f.nextAttemptOn() == null
                                    ? Text.of(PAYMENT_FAILED + ".no-next-attempt")
                                    : Text.of(PAYMENT_FAILED + ".next-attempt", f.nextAttemptOn()),
                            links.invoice(f.invoiceId()));
                })
                .on(PaymentCaptured.TYPE, PaymentCaptured.class, event -> {
                    PaymentCaptured c = event.data();
                    notifications.notify(
                            event.id(),
                            PAYMENT_CAPTURED,
                            c.accountId(),
                            c.number(),
                            Amount.of(c.amount()),
                            Text.withFallback("payment-method." + c.method(), String.valueOf(c.method())),
                            links.invoice(c.invoiceId()));
                })
                .on(InvoicePaid.TYPE, InvoicePaid.class, event -> {
                    InvoicePaid p = event.data();
                    notifications.notify(
                            event.id(),
                            INVOICE_PAID,
                            p.accountId(),
                            p.number(),
                            p.paidOn(),
                            links.invoice(p.invoiceId()));
                })
                .on(CreditNoteIssued.TYPE, CreditNoteIssued.class, event -> {
                    CreditNoteIssued c = event.data();
                    notifications.notifyWithAttachment(
                            event.id(),
                            CREDIT_NOTE_ISSUED,
                            c.accountId(),
                            document(c.number(), c.document()),
                            c.number(),
                            c.invoiceNumber(),
                            Amount.of(c.gross()),
                            c.reason(),
                            Text.of(
                                    CREDIT_NOTE_ISSUED + ".refund." + refundMethod(c.refundMethod()),
                                    Amount.of(c.gross())),
                            links.invoice(c.invoiceId()));
                })
                .on(PaymentMethodChangeDeclined.TYPE, PaymentMethodChangeDeclined.class, event -> {
                    PaymentMethodChangeDeclined d = event.data();
                    notifications.notify(
                            event.id(), CARD_CHANGE_DECLINED, d.accountId(), reason(d.reason()), links.subscriptions());
                })
                .on(InvoiceOverdue.TYPE, InvoiceOverdue.class, event -> {
                    InvoiceOverdue o = event.data();
                    notifications.notify(
                            event.id(),
                            INVOICE_OVERDUE,
                            o.accountId(),
                            o.number(),
                            Amount.of(o.gross()),
                            o.dueDate(),
                            howToPay(o),
                            links.invoice(o.invoiceId()));
                })
                .build();
    }

    /** By card nothing is to be done; by bank transfer the account to pay to; else the invoice tells. */
    static Text howToPay(InvoiceIssued invoice) {
        PaymentInstructions p = invoice.paymentInstructions();
        String method = p != null && p.paymentMethod() != null ? p.paymentMethod() : invoice.paymentMethod();
        if (CARD.equals(method)) {
            return Text.of(INVOICE_ISSUED + ".card", invoice.dueDate());
        }
        if (BANK_TRANSFER.equals(method) && p != null && p.iban() != null) {
            String reference = p.paymentReference() != null ? p.paymentReference() : invoice.paymentReference();
            return Text.of(
                    INVOICE_ISSUED + ".bank-transfer",
                    invoice.dueDate(),
                    p.accountHolder(),
                    p.iban(),
                    p.bic(),
                    reference);
        }
        return Text.of(INVOICE_ISSUED + ".as-invoiced", invoice.dueDate());
    }

    static Text howToPay(InvoiceOverdue invoice) {
        if (CARD.equals(invoice.paymentMethod())) {
            return Text.of(INVOICE_OVERDUE + ".card");
        }
        if (BANK_TRANSFER.equals(invoice.paymentMethod()) && invoice.paymentReference() != null) {
            return Text.of(INVOICE_OVERDUE + ".bank-transfer", invoice.paymentReference());
        }
        return Text.of(INVOICE_OVERDUE + ".as-invoiced");
    }

    /** A gateway's reason code in words; a code the texts do not know yet is written as it is. */
    static Text reason(String code) {
        return Text.withFallback("payment-reason." + code, String.valueOf(code));
    }

    /** How a credit note pays back: the three ways the texts know, anything new as "nothing to pay back". */
    private static String refundMethod(String method) {
        return CARD.equals(method) || BANK_TRANSFER.equals(method) ? method : "NONE";
    }

    /**
     * The PDF as issued, checked against its SHA-256. A missing, undecodable or damaged document fails the handler:
     * the record is retried, then dead-lettered for an operator, rather than a mail going out without its invoice.
     */
    static Notifications.Attachment document(InvoiceIssued invoice) {
        return document(invoice.number(), invoice.document());
    }

    /** An issued document (invoice or credit note {@code number}) as its attachment, checked against its SHA-256. */
    static Notifications.Attachment document(String number, InvoiceDocument d) {
        if (d == null || d.contentBase64() == null || d.sha256() == null) {
            throw new IllegalArgumentException(number + " came without its document");
        }
        byte[] content = Base64.getDecoder().decode(d.contentBase64());
        if (!MessageDigest.isEqual(sha256(content), HexFormat.of().parseHex(d.sha256()))) {
            throw new IllegalArgumentException(
                    "The document of " + number + " does not match its SHA-256 " + d.sha256());
        }
        return new Notifications.Attachment(
                isBlank(d.fileName()) ? number + ".pdf" : d.fileName(),
                isBlank(d.contentType()) ? "application/pdf" : d.contentType(),
                content);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
