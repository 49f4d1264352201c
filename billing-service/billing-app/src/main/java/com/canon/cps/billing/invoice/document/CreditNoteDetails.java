package com.canon.cps.billing.invoice.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a credit note prints beyond an invoice's fields: the invoice it credits, the operator's reason and how money
 * already received is paid back ({@code CARD}, {@code BANK_TRANSFER} or {@code NONE}, with the amount).
 */
record CreditNoteDetails(
        String invoiceNumber,
        LocalDate invoiceIssueDate,
        String reason,
        String refundMethod,
        BigDecimal refundAmount) {}
