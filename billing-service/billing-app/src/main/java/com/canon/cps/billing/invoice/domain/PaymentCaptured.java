package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Money for the invoice arrived: {@code method} CARD, BANK_TRANSFER or MANUAL (an operator). */
public record PaymentCaptured(
        String invoiceId,
        String accountId,
        String number,
        BigDecimal amount,
        String currency,
        String method,
        String reference,
        Instant capturedAt) {}
