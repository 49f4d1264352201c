package com.canon.cps.membership.subscription.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A term was ordered: at checkout, or ahead of the expiry of the current term ({@code renewal}).
 *
 * @param subscriptionId deterministic per account and term number, so a repeated order is recognisable downstream
 * @param term ISO-8601 period, e.g. {@code P1Y}
 * @param purchaseOrderNumber the member's own reference, free text: personal data (ADR 23), stored encrypted and
 *     read as {@code "[erased]"} once the account is erased
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
        @PersonalData String purchaseOrderNumber,
        String termsVersion,
        PaymentMethod paymentMethod,
        String cardTokenReference,
        boolean renewal,
        Instant orderedAt)
        implements MembershipEvent {}
