package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects an open application with the reason the applicant is told. Idempotent for a rejected account. */
public record RejectAccount(
        @TargetAggregateIdentifier String accountId, String caseId, String reason, Instant rejectedAt) {}
