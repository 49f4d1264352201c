package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.query.InvoiceView;
import java.util.List;

/** The whole invoice: the summary's fields plus seller, buyer, lines, payment instructions and payment state. */
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
        String nextChargeOn) {

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
                v.nextChargeOn());
    }
}
