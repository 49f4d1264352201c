package com.canon.cps.billing.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The invoice is paid in full. */
public record InvoicePaid(
        String invoiceId, String accountId, String number, String method, LocalDate paidOn, Instant paidAt) {}
