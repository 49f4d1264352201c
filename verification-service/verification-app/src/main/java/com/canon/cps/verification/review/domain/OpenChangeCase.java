package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the case that reviews a change of company name or VAT ID, with its SLA deadline. */
public record OpenChangeCase(
        @TargetAggregateIdentifier String caseId,
        String accountId,
        String changeId,
        String companyName,
        String vatId,
        String previousCompanyName,
        String previousVatId,
        boolean vatIdChanged,
        String country,
        Instant submittedAt,
        Instant deadline) {}
