package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The applicant answered the request for information of case {@code caseId}. Idempotent. */
public record RecordAccountInfoProvided(
        @TargetAggregateIdentifier String accountId, String caseId, Instant providedAt) {}
