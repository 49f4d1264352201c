package com.canon.cps.billing.invoice.query;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One issued invoice as the member and operators read it. Amounts are decimal strings and dates ISO strings, so
 * nothing is reinterpreted on the way through the store.
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
        String status,
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
        String nextChargeOn) {

    public static final String COLLECTION = "invoices";

    public record PartyView(String name, String line1, String postalCode, String city, String country, String vatId) {}

    public record LineView(String description, String tier, String termStartsOn, String termEndsOn, String net) {}

    public record BankView(String accountHolder, String iban, String bic) {}
}
