package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member asks for a new contact e-mail (the caller made sure no other account has it).
 *
 * @param issueId identifier of the confirmation link (chosen by the caller, not secret)
 */
public record RequestContactEmailChange(
        @TargetAggregateIdentifier String accountId,
        String issueId,
        String newContactEmail,
        Instant requestedAt,
        Instant expiresAt) {}
