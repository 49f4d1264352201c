package com.canon.cps.billing.invoice.web;

import com.canon.cps.billing.invoice.query.InvoiceView;

/** An invoice in the member's list (docs/api.md). */
record InvoiceSummary(
        String invoiceId,
        String number,
        String issueDate,
        String dueDate,
        Money net,
        String vatRate,
        Money vat,
        Money gross,
        String vatTreatment,
        String status,
        String paymentMethod,
        String purchaseOrderNumber,
        String paymentReference) {

    record Money(String amount, String currency) {}

    static InvoiceSummary of(InvoiceView v) {
        return new InvoiceSummary(
                v.invoiceId(),
                v.number(),
                v.issueDate(),
                v.dueDate(),
                new Money(v.net(), v.currency()),
                v.vatRate(),
                new Money(v.vat(), v.currency()),
                new Money(v.gross(), v.currency()),
                v.vatTreatment(),
                v.status(),
                v.paymentMethod(),
                v.purchaseOrderNumber(),
                v.paymentReference());
    }
}
