package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * Money received by card for a credited invoice was paid back to the card through the payment gateway. Key and
 * subject: {@code accountId}. v1: first version.
 *
 * @param method {@code CARD} (open-ended list of values)
 * @param gatewayReference the gateway's id of the refund (e.g. {@code re_...})
 */
public record PaymentRefunded(
        String accountId,
        String invoiceId,
        String creditNoteId,
        String creditNoteNumber,
        Money amount,
        String method,
        String gatewayReference,
        Instant refundedAt) {

    public static final String TYPE = "cps.billing.PaymentRefunded.v1";
}
