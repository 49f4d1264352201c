package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier was ordered at checkout (or a renewal term was ordered). v1: first version.
 *
 * @param term ISO-8601 period of the term, e.g. {@code P1Y}
 * @param paymentMethod {@code CARD} or {@code BANK_TRANSFER}
 * @param cardTokenReference the payment gateway's token for CARD (never a card number), else null
 */
public record SubscriptionOrdered(
        String accountId,
        String subscriptionId,
        String tier,
        Money price,
        String term,
        LocalDate termStartsOn,
        boolean autoRenew,
        String purchaseOrderNumber,
        String termsVersion,
        String paymentMethod,
        String cardTokenReference,
        boolean renewal,
        Instant orderedAt) {

    public static final String TYPE = "cps.membership.SubscriptionOrdered.v1";
}
