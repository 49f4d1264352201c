package com.canon.cps.membership.subscription.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The account was opened in {@code country} with {@code language}. */
@Revision("1")
public record RecordMarket(@TargetAggregateIdentifier String accountId, String country, String language) {}
