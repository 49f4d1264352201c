package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases the account's personal data (GDPR Art. 17) in any state; refused for an account erased already.
 *
 * @param requestedBy who asked: {@code member} (the member itself, with its password) or {@code operator:<operatorId>}
 * @param reason why, as the requester gave it (free text, kept only encrypted and erased with the rest)
 */
public record EraseAccount(
        @TargetAggregateIdentifier String accountId, String requestedBy, String reason, Instant erasedAt) {}
