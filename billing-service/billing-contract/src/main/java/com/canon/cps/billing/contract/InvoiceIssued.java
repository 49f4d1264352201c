package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice was issued for a subscription order. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code number} is unique and gapless within its {@code series} (e.g. {@code CPS-GB-2026});
 * {@code vatRate} is a percentage as a decimal string ({@code "20.00"}, {@code "0.00"}); {@code vatTreatment} is
 * {@code DOMESTIC}, {@code REVERSE_CHARGE}, {@code UK_VAT} or {@code NON_EU}; {@code paymentReference} is the ISO 11649
 * creditor reference of a bank transfer (null for card). {@code document} is the issued PDF;
 * {@code language} ({@code en} or {@code de}) is the language it is written in (the buyer's).
 */
public record InvoiceIssued(
        String accountId,
        String invoiceId,
        String subscriptionId,
        String number,
        String series,
        LocalDate issueDate,
        LocalDate dueDate,
        Party seller,
        Party buyer,
        String language,
        List<InvoiceLine> lines,
        Money net,
        String vatRate,
        Money vat,
        Money gross,
        String vatTreatment,
        String vatNote,
        String purchaseOrderNumber,
        String paymentMethod,
        String paymentReference,
        PaymentInstructions paymentInstructions,
        InvoiceDocument document,
        Instant issuedAt) {

    public static final String TYPE = "cps.billing.InvoiceIssued.v1";
}
