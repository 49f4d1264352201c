package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Verification approved the change {@code changeId}. Idempotent. */
public record ApplyCompanyChange(
        @TargetAggregateIdentifier String accountId,
        String changeId,
        String caseId,
        String companyName,
        String vatId,
        Instant approvedAt) {}
