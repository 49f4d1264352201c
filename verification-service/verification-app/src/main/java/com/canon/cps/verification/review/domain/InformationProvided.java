package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The applicant answered the information request {@code requestId} with a document: the case is back in the
 * operators' queue, the document added to its evidence.
 */
@Revision("1")
public record InformationProvided(
        String caseId, String accountId, String requestId, EvidenceDocument document, Instant providedAt)
        implements VerificationEvent {}
