package com.canon.cps.verification.review.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VerificationCaseOpened(
        String caseId,
        String accountId,
        String companyName,
        String country,
        boolean vatLiable,
        String vatId,
        List<String> documentIds,
        Instant submittedAt,
        Instant deadline)
        implements VerificationEvent {}
