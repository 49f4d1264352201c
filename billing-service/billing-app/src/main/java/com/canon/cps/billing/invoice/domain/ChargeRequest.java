package com.canon.cps.billing.invoice.domain;

import java.math.BigDecimal;

/** An off-session card charge the invoice asks for; the idempotency key is the same for every try of one attempt. */
public record ChargeRequest(
        String invoiceId, int attempt, String cardToken, BigDecimal amount, String currency, String idempotencyKey) {}
