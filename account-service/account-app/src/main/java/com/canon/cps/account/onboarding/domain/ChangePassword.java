package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The signed-in member replaced its password, having given the current one (the caller checked it and replaces the
 * credential in the same transaction).
 */
public record ChangePassword(@TargetAggregateIdentifier String accountId, Instant changedAt) {}
