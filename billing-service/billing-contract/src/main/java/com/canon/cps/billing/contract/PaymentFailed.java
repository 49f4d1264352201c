package com.canon.cps.billing.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An off-session card charge for an invoice failed; the invoice stays open. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code reason} is {@code DECLINED}, {@code AUTHENTICATION_REQUIRED}, {@code INVALID_TOKEN} or
 * {@code NO_VERIFIED_CARD}; {@code nextAttemptOn} is the date of the next automatic attempt, null when none follows.
 */
public record PaymentFailed(
        String accountId,
        String invoiceId,
        String number,
        Money amount,
        String reason,
        int attempt,
        LocalDate nextAttemptOn,
        Instant failedAt) {

    public static final String TYPE = "cps.billing.PaymentFailed.v1";
}
