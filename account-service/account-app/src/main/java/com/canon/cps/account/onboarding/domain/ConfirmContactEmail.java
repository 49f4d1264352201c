package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The confirmation link {@code issueId} was used (the caller moved the login name in the same transaction). */
public record ConfirmContactEmail(@TargetAggregateIdentifier String accountId, String issueId, Instant confirmedAt) {}
