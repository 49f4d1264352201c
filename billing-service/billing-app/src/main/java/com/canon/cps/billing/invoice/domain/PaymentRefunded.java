package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The gateway paid {@code amount} back to the card for credit note {@code creditNoteId}. */
@Revision("1")
public record PaymentRefunded(
        String invoiceId,
        String accountId,
        String refundId,
        String creditNoteId,
        String creditNoteNumber,
        BigDecimal amount,
        String currency,
        String gatewayReference,
        Instant refundedAt)
        implements InvoiceEvent {}
