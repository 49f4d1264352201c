package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member typed the code {@code issueId} correctly (the caller checked it against its keyed hash). */
public record ConfirmLegacyEmail(@TargetAggregateIdentifier String accountId, String issueId, Instant confirmedAt) {}
