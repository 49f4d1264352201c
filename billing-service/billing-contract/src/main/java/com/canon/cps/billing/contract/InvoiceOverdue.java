package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice was not paid by its due date. Key and subject: {@code accountId}. v1: first version. */
public record InvoiceOverdue(
        String accountId,
        String invoiceId,
        String number,
        Money gross,
        LocalDate dueDate,
        String paymentMethod,
        String paymentReference,
        Instant overdueAt) {

    public static final String TYPE = "cps.billing.InvoiceOverdue.v1";
}
