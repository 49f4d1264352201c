package com.canon.cps.account.application.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Activates a verified account whose member presented the setup link {@code setupIssueId} and chose a valid password
 * (the caller stores the credential in the same transaction).
 */
public record ActivateAccount(@TargetAggregateIdentifier String accountId, String setupIssueId, Instant activatedAt) {}
