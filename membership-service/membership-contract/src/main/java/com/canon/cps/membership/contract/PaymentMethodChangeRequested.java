package com.canon.cps.membership.contract;

import java.time.Instant;

/**
 * The member gave a new card for the membership (a new token from the payment gateway's hosted card form). billing
 * verifies it with a zero amount and, once verified, charges it from the next charge on; until then, and if it is
 * declined, the previous card stays. v1: first version.
 *
 * @param requestId identifies this change (deterministic per account and change): billing's answer names it
 * @param paymentMethod {@code CARD} (open-ended list of values)
 * @param cardTokenReference the payment gateway's token of the new card (never a card number)
 * @param currency ISO 4217 currency of the membership's market, for the zero-amount verification
 */
public record PaymentMethodChangeRequested(
        String accountId,
        String membershipNumber,
        String requestId,
        String paymentMethod,
        String cardTokenReference,
        String currency,
        Instant requestedAt) {

    public static final String TYPE = "cps.membership.PaymentMethodChangeRequested.v1";
}
