package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member of an active account presented the reset link {@code resetIssueId} and chose a valid password (the caller
 * replaces the credential in the same transaction).
 */
public record ResetPassword(@TargetAggregateIdentifier String accountId, String resetIssueId, Instant changedAt) {}
