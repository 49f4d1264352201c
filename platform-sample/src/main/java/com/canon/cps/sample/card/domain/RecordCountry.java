package com.canon.cps.sample.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the account's country and language. */
public record RecordCountry(@TargetAggregateIdentifier String accountId, String country, String language) {}
