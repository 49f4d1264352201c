package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * The card of a subscription order passed the payment gateway's zero-amount verification: no money moved. Key and
 * subject: {@code accountId}. v1: first version.
 */
public record PaymentMethodVerified(
        String accountId,
        String subscriptionId,
        String cardTokenReference,
        String gatewayReference,
        Instant verifiedAt) {

    public static final String TYPE = "cps.billing.PaymentMethodVerified.v1";
}
