package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a new card (a payment gateway token, never a card number) for the membership's next charges. */
public record ChangePaymentCard(@TargetAggregateIdentifier String accountId, String cardToken) {}
