package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator issues a new password-setup link to a verified account whose link was lost or expired; the previous
 * link stops working.
 *
 * @param setupIssueId identifier of the new link (chosen by the caller, not secret)
 */
public record ReissuePasswordSetup(
        @TargetAggregateIdentifier String accountId, String setupIssueId, Instant issuedAt, Instant setupExpiresAt) {}
