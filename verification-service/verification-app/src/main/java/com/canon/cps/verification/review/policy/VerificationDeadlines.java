package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import java.time.Clock;
import java.time.Instant;

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

    /**
     * A new case's deadlines: its SLA deadline and, when VAT-liable, its first registry check (due at once: the
     * scheduler's poller runs it moments later, outside the consumer of the application).
     *
     * <p>The SLA deadline is not cancelled when the case is decided: cancelling would wait for the deadline's row lock
     * while holding the aggregate's lock, which the firing deadline may be waiting for. A deadline that fires for a
     * decided case is ignored by the aggregate.
     */
    static void scheduleForNewCase(
            DeadlineScheduler deadlines,
            Clock clock,
            String caseId,
            Instant deadline,
            boolean registryCheck,
            String vatId) {
        deadlines.schedule(slaId(caseId), SLA, deadline, new SlaDue(caseId));
        if (registryCheck) {
            deadlines.schedule(
                    registryCheckId(caseId, 1),
                    REGISTRY_CHECK,
                    clock.instant(),
                    new RegistryCheckDue(caseId, vatId, 1));
        }
    }
}
