package com.canon.cps.sample.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Activate the issued card for one year. */
public record ActivateCard(@TargetAggregateIdentifier String accountId, String tier, boolean autoRenew) {}
