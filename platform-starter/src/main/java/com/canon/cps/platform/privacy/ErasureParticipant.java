package com.canon.cps.platform.privacy;

/**
 * What a service holds about a data subject outside its event store (read-model documents, stored files, a mail
 * spool) and must delete or anonymise when the subject is erased. Every bean of this type is called by
 * {@link PersonalDataErasure#erase} after the subject's keys are destroyed; it must be idempotent (an erasure that is
 * delivered again runs again).
 */
public interface ErasureParticipant {

    /** Deletes or anonymises what this participant holds about {@code subjectId}. */
    void erase(String subjectId);
}
