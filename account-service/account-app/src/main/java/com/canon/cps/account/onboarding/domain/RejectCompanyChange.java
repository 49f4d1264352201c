package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Verification refused the change {@code changeId}. Idempotent. */
public record RejectCompanyChange(
        @TargetAggregateIdentifier String accountId,
        String changeId,
        String caseId,
        String reason,
        Instant rejectedAt) {}
