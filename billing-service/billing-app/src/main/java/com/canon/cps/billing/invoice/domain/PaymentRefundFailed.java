package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The gateway refused the refund of credit note {@code creditNoteId}; an operator settles it another way. */
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
        Instant failedAt) {}
