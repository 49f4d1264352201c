package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The gateway refused the refund of credit note {@code creditNoteId}; an operator settles it another way. */
@Revision("1")
public record PaymentRefundFailed(
        String invoiceId,
        String accountId,
        String refundId,
        String creditNoteId,
        String creditNoteNumber,
        BigDecimal amount,
        String currency,
        String outcome,
        String message,
        Instant failedAt)
        implements InvoiceEvent {}
