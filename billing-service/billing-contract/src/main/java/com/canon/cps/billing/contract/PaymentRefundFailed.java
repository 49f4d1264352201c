package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * The payment gateway refused to pay back a credited card payment (e.g. the charge was disputed or refunded already):
 * an operator has to settle it another way. Key and subject: {@code accountId}. v1: first version.
 *
 * @param reason {@code DECLINED} or {@code INVALID_TOKEN} (open-ended list of values)
 * @param message the gateway's explanation, for operators (never card data)
 */
public record PaymentRefundFailed(
        String accountId,
        String invoiceId,
        String creditNoteId,
        String creditNoteNumber,
        Money amount,
        String reason,
        String message,
        Instant failedAt) {

    public static final String TYPE = "cps.billing.PaymentRefundFailed.v1";
}
