package com.canon.cps.billing.invoice.query;

import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One issued invoice as the member and operators read it, with its credit notes (by id). Amounts are decimal strings
 * and dates ISO strings, so nothing is reinterpreted on the way through the store.
 */
@Document(InvoiceView.COLLECTION)
public record InvoiceView(
        @Id String invoiceId,
        String accountId,
        String subscriptionId,
        String number,
        String series,
        String issueDate,
        String dueDate,
        String currency,
        String net,
        String vatRate,
        String vat,
        String gross,
        String vatTreatment,
        String vatNote,
        @Indexed(name = "by_status") String status,
        String paymentMethod,
        String purchaseOrderNumber,
        String paymentReference,
        PartyView seller,
        PartyView buyer,
        List<LineView> lines,
        BankView bank,
        String paidOn,
        String paidBy,
        String lastPaymentFailure,
        String nextChargeOn,
        String credited,
        Map<String, CreditNoteView> creditNotes,
        String dunningExhaustedOn) {

    public static final String COLLECTION = "invoices";

    /**
     * One credit note of the invoice (amounts as decimal strings in the invoice's currency).
     *
     * @param refundMethod {@code CARD}, {@code BANK_TRANSFER} or {@code NONE}
     * @param refundStatus {@code NONE} (nothing was paid), {@code PENDING} (the gateway has not paid back yet),
     *     {@code REFUNDED}, {@code FAILED}, or {@code BY_BANK_TRANSFER} (the seller's finance team pays back)
     */
    public record CreditNoteView(
            String creditNoteId,
            String number,
            String issueDate,
            String reason,
            String net,
            String vat,
            String gross,
            String refundMethod,
            String refundAmount,
            String refundStatus,
            String refundReference) {}

    public record PartyView(String name, String line1, String postalCode, String city, String country, String vatId) {}

    public record LineView(String description, String tier, String termStartsOn, String termEndsOn, String net) {}

    public record BankView(String accountHolder, String iban, String bic) {}
}
