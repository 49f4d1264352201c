package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * The applicant answered an information request with a document: the case is back in the operators' queue. Key and
 * subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param documentId the uploaded document the applicant sent (held by verification-service, never on Kafka)
 */
public record VerificationInfoProvided(String accountId, String caseId, String documentId, Instant providedAt) {

    public static final String TYPE = "cps.verification.VerificationInfoProvided.v1";
}
