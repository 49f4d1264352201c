package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the applicant of an undecided application for more information. */
public record RequestAccountInfo(
        @TargetAggregateIdentifier String accountId, String caseId, String reason, Instant requestedAt) {}
