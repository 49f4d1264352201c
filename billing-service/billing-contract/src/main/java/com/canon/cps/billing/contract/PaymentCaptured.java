package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * Money for an invoice was received. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code method} is {@code CARD} (off-session charge), {@code BANK_TRANSFER} (matched from a
 * bank statement) or {@code MANUAL} (marked paid by an operator); {@code reference} is the gateway's charge id, the
 * bank's entry reference or the operator's note.
 */
public record PaymentCaptured(
        String accountId,
        String invoiceId,
        String number,
        Money amount,
        String method,
        String reference,
        Instant capturedAt) {

    public static final String TYPE = "cps.billing.PaymentCaptured.v1";
}
