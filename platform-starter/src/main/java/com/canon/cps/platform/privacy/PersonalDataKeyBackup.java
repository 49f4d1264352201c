package com.canon.cps.platform.privacy;

import java.time.Instant;
import java.util.List;

/**
 * A backup of a service's key store (ADR 23): every data key, still wrapped with its master key (so the backup holds no
 * key in clear and is useless without the master keys, which are kept apart), and every erasure. Restoring puts back
 * the missing keys except those of subjects erased since, so a backup older than an erasure never undoes it.
 *
 * @param service the service whose keys these are
 * @param takenAt when the backup was taken
 */
public record PersonalDataKeyBackup(String service, Instant takenAt, List<KeyRow> keys, List<ErasureRow> erasures) {

    /** One wrapped data key. */
    public record KeyRow(
            String subjectId, String scope, int version, String masterKeyId, String wrappedKey, Instant createdAt) {}

    /** One erasure: no key of this subject and scope may come back. */
    public record ErasureRow(String subjectId, String scope, Instant erasedAt) {}
}
