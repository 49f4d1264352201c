package com.canon.cps.sample.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the account's points balance. */
public record RecordPoints(@TargetAggregateIdentifier String accountId, int balance) {}
