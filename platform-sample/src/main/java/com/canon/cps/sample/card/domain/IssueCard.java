package com.canon.cps.sample.card.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a card to the account (once). */
public record IssueCard(@TargetAggregateIdentifier String accountId) {}
