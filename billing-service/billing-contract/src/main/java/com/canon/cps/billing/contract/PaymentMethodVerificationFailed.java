package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * The card of a subscription order failed the zero-amount verification; the order's invoice stays open until paid
 * another way. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code reason} is {@code DECLINED}, {@code AUTHENTICATION_REQUIRED} or {@code INVALID_TOKEN}.
 */
public record PaymentMethodVerificationFailed(
        String accountId, String subscriptionId, String cardTokenReference, String reason, Instant failedAt) {

    public static final String TYPE = "cps.billing.PaymentMethodVerificationFailed.v1";
}
