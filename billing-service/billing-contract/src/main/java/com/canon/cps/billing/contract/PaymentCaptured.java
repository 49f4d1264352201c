package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * Money for an invoice was received. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code method} is {@code CARD} (off-session charge), {@code BANK_TRANSFER} (matched from a
 * bank statement) or {@code MANUAL} (marked paid by an operator); {@code reference} is the gateway's charge id, the
 * bank's entry reference or the operator who marked it paid (the operator's note stays inside billing: it is personal
 * data of the account, erased with it; before ADR 24 it followed the operator, "operator: note").
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
