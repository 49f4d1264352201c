package com.canon.cps.verification.review.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Opens the case of a submitted application, with its SLA deadline and the documents it refers to. */
@Revision("1")
public record OpenVerificationCase(
        @TargetAggregateIdentifier String caseId,
        String accountId,
        String companyName,
        String country,
        boolean vatLiable,
        String vatId,
        List<EvidenceDocument> documents,
        Instant submittedAt,
        Instant deadline) {}
