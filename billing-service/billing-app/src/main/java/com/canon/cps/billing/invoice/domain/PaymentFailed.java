package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Card charge attempt {@code attempt} failed; {@code nextAttemptOn} is null when no automatic attempt follows. */
@Revision("1")
public record PaymentFailed(
        String invoiceId,
        String accountId,
        String number,
        BigDecimal amount,
        String currency,
        String reason,
        int attempt,
        LocalDate nextAttemptOn,
        Instant failedAt)
        implements InvoiceEvent {}
