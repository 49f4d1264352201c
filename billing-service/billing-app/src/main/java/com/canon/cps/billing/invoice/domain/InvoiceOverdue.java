package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The due date passed without payment. */
public record InvoiceOverdue(
        String invoiceId,
        String accountId,
        String number,
        BigDecimal gross,
        String currency,
        LocalDate dueDate,
        PaymentMethod paymentMethod,
        String paymentReference,
        Instant overdueAt) {}
