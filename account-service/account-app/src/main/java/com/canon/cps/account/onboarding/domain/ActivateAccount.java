package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Activates a verified account whose member presented the setup link {@code setupIssueId} and chose a valid password
 * (the caller stores the credential in the same transaction). An account that gave an old CPS e-mail when applying
 * gets its first code for it with {@code legacyCode}: the member can sign in and type it in at once.
 */
public record ActivateAccount(
        @TargetAggregateIdentifier String accountId,
        String setupIssueId,
        Instant activatedAt,
        LegacyEmailCodeRequest legacyCode) {}
