package com.canon.cps.verification.review.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenVerificationCase(
        @TargetAggregateIdentifier String caseId,
        String accountId,
        String companyName,
        String country,
        boolean vatLiable,
        String vatId,
        List<String> documentIds,
        Instant submittedAt,
        Instant deadline) {}
