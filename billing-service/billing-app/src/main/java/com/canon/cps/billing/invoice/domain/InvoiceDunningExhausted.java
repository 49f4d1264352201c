package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Every dunning step has passed and {@code amountDue} is still unpaid. */
@Revision("1")
public record InvoiceDunningExhausted(
        String invoiceId,
        String accountId,
        String subscriptionId,
        String number,
        BigDecimal amountDue,
        String currency,
        LocalDate dueDate,
        PaymentMethod paymentMethod,
        Instant exhaustedAt)
        implements InvoiceEvent {}
