package com.canon.cps.verification.review.policy;

/** Names, ids and payloads of the review's persistent deadlines. */
final class VerificationDeadlines {

    /** The subscribing processor of the policies (mode set in {@code verification-service.yml}). */
    static final String PROCESSING_GROUP = "verification-policies";

    static final String REGISTRY_CHECK = "verification.registry-check";
    static final String SLA = "verification.sla";

    private VerificationDeadlines() {}

    /** Payload of a registry check: check number {@code attempt} of the case's VAT ID. */
    record RegistryCheckDue(String caseId, String vatId, int attempt) {}

    /** Payload of the SLA deadline. */
    record SlaDue(String caseId) {}

    /**
     * One id per attempt: a re-check is scheduled while the previous check's deadline is being fired, and the
     * scheduler deletes the fired id afterwards.
     */
    static String registryCheckId(String caseId, int attempt) {
        return REGISTRY_CHECK + ":" + caseId + ":" + attempt;
    }

    /** The SQL {@code LIKE} pattern of every registry check id of the case. */
    static String registryCheckIds(String caseId) {
        return REGISTRY_CHECK + ":" + caseId + ":%";
    }

    static String slaId(String caseId) {
        return SLA + ":" + caseId;
    }
}
