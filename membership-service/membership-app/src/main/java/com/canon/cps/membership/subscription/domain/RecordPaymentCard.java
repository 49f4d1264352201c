package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** billing verified the card of change {@code requestId}: renewals are ordered with it from now on. */
public record RecordPaymentCard(@TargetAggregateIdentifier String accountId, String requestId, String cardToken) {}
