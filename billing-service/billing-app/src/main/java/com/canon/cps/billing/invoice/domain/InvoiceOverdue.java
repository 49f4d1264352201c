package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date passed without payment. */
@Revision("1")
public record InvoiceOverdue(
        String invoiceId,
        String accountId,
        String number,
        BigDecimal gross,
        String currency,
        LocalDate dueDate,
        PaymentMethod paymentMethod,
        String paymentReference,
        Instant overdueAt)
        implements InvoiceEvent {}
