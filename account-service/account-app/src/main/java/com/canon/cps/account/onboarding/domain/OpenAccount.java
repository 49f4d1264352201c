package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the account after verification approved it, and issues its one password-setup link. Idempotent: an account
 * that is already open stays as it is (no second link).
 *
 * @param setupIssueId identifier of the password-setup link to issue (chosen by the caller, not secret)
 * @param setupExpiresAt when that link expires (issue time + the configured lifetime, on the business clock)
 */
public record OpenAccount(
        @TargetAggregateIdentifier String accountId,
        String caseId,
        String verificationMethod,
        Instant openedAt,
        String setupIssueId,
        Instant setupExpiresAt) {}
