package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice is paid in full. Key and subject: {@code accountId}. v1: first version. */
public record InvoicePaid(
        String accountId, String invoiceId, String number, String method, LocalDate paidOn, Instant paidAt) {

    public static final String TYPE = "cps.billing.InvoicePaid.v1";
}
