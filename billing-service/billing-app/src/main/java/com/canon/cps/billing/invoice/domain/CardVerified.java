package com.canon.cps.billing.invoice.domain;

import java.time.Instant;

/** The order's card passed the gateway's zero-amount verification. */
public record CardVerified(
        String invoiceId,
        String accountId,
        String subscriptionId,
        String cardToken,
        String gatewayReference,
        Instant verifiedAt) {}
