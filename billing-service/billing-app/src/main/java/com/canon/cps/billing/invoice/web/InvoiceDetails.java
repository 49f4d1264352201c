package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.query.InvoiceView;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The whole invoice: the summary's fields plus seller, buyer, lines, payment instructions, payment state and its credit
 * notes ({@code credited}: their gross together; {@code amountDue}: what is still owed, zero once paid or credited).
 */
record InvoiceDetails(
        String invoiceId,
        String number,
        String issueDate,
        String dueDate,
        InvoiceSummary.Money net,
        String vatRate,
        InvoiceSummary.Money vat,
        InvoiceSummary.Money gross,
        String vatTreatment,
        String vatNote,
        String status,
        String paymentMethod,
        String purchaseOrderNumber,
        String paymentReference,
        InvoiceView.PartyView seller,
        InvoiceView.PartyView buyer,
        List<Line> lines,
        PaymentInstructions paymentInstructions,
        String paidOn,
        String lastPaymentFailure,
        String nextChargeOn,
        InvoiceSummary.Money credited,
        InvoiceSummary.Money amountDue,
        List<CreditNote> creditNotes,
        String dunningExhaustedOn) {

    /**
     * A credit note of the invoice; {@code refund} is how money already received goes back: {@code method}
     * {@code CARD | BANK_TRANSFER | NONE}, {@code status} {@code NONE | PENDING | REFUNDED | FAILED | BY_BANK_TRANSFER}.
     */
    record CreditNote(
            String creditNoteId,
            String number,
            String issueDate,
            String reason,
            InvoiceSummary.Money net,
            InvoiceSummary.Money vat,
            InvoiceSummary.Money gross,
            Refund refund,
            String pdf) {}

    record Refund(String method, InvoiceSummary.Money amount, String status) {}

    record Line(String description, String tier, String termStartsOn, String termEndsOn, InvoiceSummary.Money net) {}

    record PaymentInstructions(
            String paymentMethod,
            String accountHolder,
            String iban,
            String bic,
            String paymentReference,
            String note) {}

    static InvoiceDetails of(InvoiceView v) {
        InvoiceSummary s = InvoiceSummary.of(v);
        BigDecimal credited = v.credited() == null ? new BigDecimal("0.00") : new BigDecimal(v.credited());
        boolean settled = "PAID".equals(v.status()) || "CREDITED".equals(v.status());
        BigDecimal due = settled ? new BigDecimal("0.00") : new BigDecimal(v.gross()).subtract(credited);
        InvoiceView.BankView bank = v.bank();
        PaymentInstructions instructions = bank == null
                ? new PaymentInstructions(v.paymentMethod(), null, null, null, null, null)
                : new PaymentInstructions(
                        v.paymentMethod(),
                        bank.accountHolder(),
                        bank.iban(),
                        bank.bic(),
                        v.paymentReference(),
                        "Additional bank charges may apply.");
        return new InvoiceDetails(
                s.invoiceId(),
                s.number(),
                s.issueDate(),
                s.dueDate(),
                s.net(),
                s.vatRate(),
                s.vat(),
                s.gross(),
                s.vatTreatment(),
                v.vatNote(),
                s.status(),
                s.paymentMethod(),
                s.purchaseOrderNumber(),
                s.paymentReference(),
                v.seller(),
                v.buyer(),
                v.lines().stream()
                        .map(l -> new Line(
                                l.description(),
                                l.tier(),
                                l.termStartsOn(),
                                l.termEndsOn(),
                                new InvoiceSummary.Money(l.net(), v.currency())))
                        .toList(),
                instructions,
                v.paidOn(),
                v.lastPaymentFailure(),
                v.nextChargeOn(),
                new InvoiceSummary.Money(credited.toPlainString(), v.currency()),
                new InvoiceSummary.Money(due.toPlainString(), v.currency()),
                creditNotes(v),
                v.dunningExhaustedOn());
    }

    private static List<CreditNote> creditNotes(InvoiceView v) {
        if (v.creditNotes() == null) {
            return List.of();
        }
        return v.creditNotes().values().stream()
                .sorted(Comparator.comparing(InvoiceView.CreditNoteView::number))
                .map(c -> new CreditNote(
                        c.creditNoteId(),
                        c.number(),
                        c.issueDate(),
                        c.reason(),
                        new InvoiceSummary.Money(c.net(), v.currency()),
                        new InvoiceSummary.Money(c.vat(), v.currency()),
                        new InvoiceSummary.Money(c.gross(), v.currency()),
                        new Refund(
                                c.refundMethod(),
                                new InvoiceSummary.Money(c.refundAmount(), v.currency()),
                                c.refundStatus()),
                        "/api/invoices/" + v.invoiceId() + "/credit-notes/" + c.creditNoteId() + "/pdf"))
                .toList();
    }
}
