package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** points-service reported the account's balance. */
@Revision("1")
public record RecordPointsBalance(@TargetAggregateIdentifier String accountId, int balance) {}
