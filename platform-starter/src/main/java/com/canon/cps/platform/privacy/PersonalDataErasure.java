package com.canon.cps.platform.privacy;

/**
 * Erasure (GDPR Art. 17) by crypto-shredding (ADR 23): destroys a subject's data keys, records that the subject is
 * erased (so no new key is made for it and a restored key backup does not bring the old ones back), forgets the
 * aggregates held in memory, purges the subject's dead letters and calls every {@link ErasureParticipant}.
 */
public interface PersonalDataErasure {

    /**
     * Erases {@code subjectId}: its own keys (scope "") are destroyed, keys of a named scope are kept until
     * {@link #eraseScope}. Idempotent.
     */
    void erase(String subjectId);

    /** Destroys the subject's key of one named scope (e.g. when the retention period of what it protects ended). */
    void eraseScope(String subjectId, String scope);

    /** Whether {@code subjectId} has been erased. */
    boolean isErased(String subjectId);
}
