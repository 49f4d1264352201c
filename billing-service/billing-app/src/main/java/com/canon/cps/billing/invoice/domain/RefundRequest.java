package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;

/** A refund the invoice asks for; the idempotency key is the credit note's, the same for every try. */
public record RefundRequest(
        String invoiceId,
        String creditNoteId,
        String chargeReference,
        BigDecimal amount,
        String currency,
        String idempotencyKey) {}
