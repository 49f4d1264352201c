package com.canon.cps.notification.messaging;

import com.canon.cps.billing.contract.InvoiceDocument;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.PaymentInstructions;
import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.Notifications;
import com.canon.cps.platform.hashing.Sha256;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** The parts of billing's e-mails that depend on the event: how to pay, a reason in words, the attached document. */
final class BillingTexts {

    static final String INVOICE_ISSUED = "invoice-issued";
    static final String PAYMENT_FAILED = "payment-failed";
    static final String INVOICE_OVERDUE = "invoice-overdue";
    static final String CREDIT_NOTE_ISSUED = "credit-note-issued";

    private static final String CARD = "CARD";
    private static final String BANK_TRANSFER = "BANK_TRANSFER";

    private BillingTexts() {}

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
    static String refundMethod(String method) {
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
        if (!MessageDigest.isEqual(Sha256.digest(content), HexFormat.of().parseHex(d.sha256()))) {
            throw new IllegalArgumentException(
                    "The document of " + number + " does not match its SHA-256 " + d.sha256());
        }
        return new Notifications.Attachment(
                isBlank(d.fileName()) ? number + ".pdf" : d.fileName(),
                isBlank(d.contentType()) ? "application/pdf" : d.contentType(),
                content);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
