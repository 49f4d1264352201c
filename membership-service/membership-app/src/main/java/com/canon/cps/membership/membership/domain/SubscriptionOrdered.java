package com.canon.cps.membership.membership.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A term was ordered: at checkout, or ahead of the expiry of the current term ({@code renewal}).
 *
 * @param subscriptionId deterministic per account and term number, so a repeated order is recognisable downstream
 * @param term ISO-8601 period, e.g. {@code P1Y}
 * @param cardTokenReference the payment gateway's token for CARD (never a card number), else null
 */
@Revision("1")
public record SubscriptionOrdered(
        String accountId,
        String subscriptionId,
        String tier,
        Price price,
        String term,
        LocalDate termStartsOn,
        boolean autoRenew,
        String purchaseOrderNumber,
        String termsVersion,
        PaymentMethod paymentMethod,
        String cardTokenReference,
        boolean renewal,
        Instant orderedAt)
        implements MembershipEvent {}
