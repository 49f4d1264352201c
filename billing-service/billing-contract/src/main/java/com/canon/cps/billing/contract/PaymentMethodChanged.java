package com.canon.cps.billing.contract;

import java.time.Instant;

/**
 * The new card a member gave for the membership ({@code cps.membership.PaymentMethodChangeRequested}) passed the
 * zero-amount verification: from now on it is the account's card, charged for every invoice still to be charged by
 * card (at once for one whose due date has passed). Key and subject: {@code accountId}. v1: first version.
 *
 * @param requestId membership's id of the change
 * @param paymentMethod {@code CARD} (open-ended list of values)
 * @param cardTokenReference the payment gateway's token of the new card (never a card number)
 * @param gatewayReference the gateway's id of the verification (e.g. a SetupIntent {@code seti_...})
 */
public record PaymentMethodChanged(
        String accountId,
        String requestId,
        String paymentMethod,
        String cardTokenReference,
        String gatewayReference,
        Instant changedAt) {

    public static final String TYPE = "cps.billing.PaymentMethodChanged.v1";
}
