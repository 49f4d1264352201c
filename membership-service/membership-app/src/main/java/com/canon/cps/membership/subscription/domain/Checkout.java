package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Buy {@code tier}; the membership is active at once.
 *
 * @param membershipNumber allocated by the caller in the transaction of this command (unique, never reused)
 * @param cardToken the payment gateway's token for CARD; never a card number
 */
@Revision("1")
public record Checkout(
        @TargetAggregateIdentifier String accountId,
        String tier,
        boolean autoRenew,
        String purchaseOrderNumber,
        boolean termsAccepted,
        String termsVersion,
        PaymentMethod paymentMethod,
        String cardToken,
        String membershipNumber) {}
