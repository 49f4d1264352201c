package com.canon.cps.billing.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The invoice is paid in full. */
@Revision("1")
public record InvoicePaid(
        String invoiceId, String accountId, String number, PaymentMethod method, LocalDate paidOn, Instant paidAt)
        implements InvoiceEvent {}
