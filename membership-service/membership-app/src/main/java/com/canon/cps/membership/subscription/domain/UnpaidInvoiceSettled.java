package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One of several invoices keeping the membership suspended was settled; others still do (internal only).
 *
 * @param reason {@code INVOICE_PAID} or {@code INVOICE_CREDITED}
 */
@Revision("1")
record UnpaidInvoiceSettled(String accountId, String invoiceId, String reason, Instant settledAt)
        implements MembershipEvent {}
