package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice of a subscription order was issued: everything printed on it, frozen at issue (a later change of the
 * buyer's address or of the rates does not change an issued invoice). {@code vatRate} is a percentage
 * ({@code 20.00}); {@code bank} and {@code paymentReference} are set for bank transfer only.
 */
public record InvoiceIssued(
        String invoiceId,
        String accountId,
        String subscriptionId,
        String number,
        String series,
        LocalDate issueDate,
        LocalDate dueDate,
        Party seller,
        Party buyer,
        String language,
        List<InvoiceLine> lines,
        String currency,
        BigDecimal net,
        BigDecimal vatRate,
        BigDecimal vat,
        BigDecimal gross,
        VatTreatment vatTreatment,
        String vatNote,
        String purchaseOrderNumber,
        PaymentMethod paymentMethod,
        String paymentReference,
        BankDetails bank,
        Instant issuedAt) {}
