package com.canon.cps.account.onboarding.domain;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member of an active account asked for a link to reset a forgotten password. Answers whether a link was issued:
 * not when the previous one was issued less than {@code minInterval} before {@code requestedAt} (one e-mail per
 * interval, however often someone asks).
 *
 * @param resetIssueId identifier of the new link (chosen by the caller, not secret)
 * @param expiresAt when that link expires (request time + the configured lifetime, on the business clock)
 */
public record IssuePasswordReset(
        @TargetAggregateIdentifier String accountId,
        String resetIssueId,
        Instant requestedAt,
        Instant expiresAt,
        Duration minInterval) {}
