package com.canon.cps.account.onboarding.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The member asks to change the company name and/or VAT ID ({@code null}: unchanged); the VAT ID is normalised and
 * passed the offline check.
 */
public record RequestCompanyChange(
        @TargetAggregateIdentifier String accountId,
        String changeId,
        String companyName,
        String vatId,
        Instant requestedAt) {}
