package com.canon.cps.platform.privacy;

import com.canon.cps.platform.sealing.SealedSecretException;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key store of crypto-shredding (ADR 23): one AES-256 data key per subject, key scope and version in table
 * {@code personal_data_key}, each wrapped with the current master key ({@code cps.privacy.master-keys}); and the
 * encryption of one personal string with it.
 *
 * <p>An encrypted string is {@code p1.<scope>.<version>.<sealed>}, where {@code sealed} is the string sealed with
 * AES-256-GCM under the data key ({@link SealedSecrets}) bound to the subject and scope, so a value copied into another
 * subject's event does not open. A subject's current key is replaced by a new version once it is older than
 * {@code cps.privacy.data-key-rotation}; older versions stay to decrypt what they encrypted. A key is made in the
 * transaction of the first event it encrypts.
 *
 * <p>Unwrapped keys are cached for {@code cps.privacy.key-cache-ttl}: another instance of the service may still decrypt
 * an erased subject's data for that long after the erasure. Keys are never logged.
 */
public final class PersonalDataKeys {

    static final String FORMAT = "p1";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SealedSecrets ERASED_KEY = null;

    /** A subject's key of one scope. */
    private record Scoped(String subject, String scope) {}

    /** One version of it. */
    private record Versioned(String subject, String scope, int version) {}

    /** The key that encrypts now: its version, when it was made, the key itself; {@code key == null} = erased. */
    private record Current(int version, Instant createdAt, SealedSecrets key) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SealedSecrets master;
    private final Clock clock;
    private final Duration rotation;
    private final Cache<Scoped, Current> current;
    private final Cache<Versioned, Optional<SealedSecrets>> versions;

    PersonalDataKeys(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SealedSecrets master,
            Clock clock,
            Duration rotation,
            Duration cacheTtl) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.master = master;
        this.clock = clock;
        this.rotation = rotation;
        this.current = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(cacheTtl)
                .build();
        this.versions = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    /** {@code text} encrypted with the subject's current key of {@code scope}; {@link PersonalData#ERASED} if erased. */
    String encrypt(String subject, String scope, String text) {
        Objects.requireNonNull(subject, "subject");
        if (PersonalData.ERASED.equals(text)) {
            return text;
        }
        Current key = currentKey(new Scoped(subject, scope));
        if (key.key() == null) {
            return PersonalData.ERASED;
        }
        return FORMAT + "." + scope + "." + key.version() + "." + key.key().seal(text, context(subject, scope));
    }

    /**
     * The clear text of {@code value}: as it is when it is not encrypted, {@link PersonalData#ERASED} when its key was
     * destroyed by an erasure.
     *
     * @throws MissingDataKeyException when its key is neither held nor erased (the key store was lost: restore it)
     */
    String decrypt(String subject, String value) {
        if (value == null || !value.startsWith(FORMAT + ".")) {
            return value;
        }
        String[] parts = value.split("\\.", 4);
        if (parts.length != 4 || !parts[2].matches("[0-9]{1,9}")) {
            throw new IllegalStateException("not an encrypted personal value of format " + FORMAT);
        }
        String scope = parts[1];
        Versioned id = new Versioned(subject, scope, Integer.parseInt(parts[2]));
        Optional<SealedSecrets> key = versions.get(id, this::load);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            return key.get().open(parts[3], context(subject, scope));
        } catch (SealedSecretException e) {
            throw new IllegalStateException(
                    "personal value of subject " + subject + " does not open with its key: " + e.getMessage());
        }
    }

    /**
     * Destroys every version of the subject's key of {@code scope} and records the erasure; idempotent. Within a
     * caller's transaction, the cached keys are dropped again once it commits: a reader may have loaded them from the
     * still visible rows in between.
     */
    void destroy(String subject, String scope) {
        transaction.executeWithoutResult(tx -> {
            Map<Scoped, Current> transactionKeys = transactionKeys();
            if (transactionKeys != null) {
                transactionKeys.keySet().removeIf(k -> k.subject().equals(subject));
            }
            jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ? AND scope = ?", subject, scope);
            jdbc.update(
                    "INSERT INTO personal_data_key_erasure (subject_id, scope, erased_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    subject,
                    scope,
                    Timestamp.from(clock.instant()));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        forget(subject);
                    }
                });
            }
        });
        forget(subject);
    }

    /** Drops what is cached about the subject (after an erasure, or a restore). */
    void forget(String subject) {
        current.asMap().keySet().removeIf(k -> k.subject().equals(subject));
        versions.asMap().keySet().removeIf(k -> k.subject().equals(subject));
    }

    void forgetAll() {
        current.invalidateAll();
        versions.invalidateAll();
    }

    boolean isErased(String subject, String scope) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM personal_data_key_erasure WHERE subject_id = ? AND scope = ?",
                Integer.class,
                subject,
                scope);
        return n != null && n > 0;
    }

    /**
     * Wraps every key that an older master key wraps with the current one (after {@code cps.privacy.master-keys} got a
     * new first key); the old master key can be removed from the setting once this has run. Returns how many.
     */
    int rewrap() {
        int done = 0;
        while (true) {
            List<Object[]> rows = jdbc.query(
                    "SELECT subject_id, scope, version, wrapped_key FROM personal_data_key WHERE master_key_id <> ?"
                            + " LIMIT 500",
                    (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)},
                    master.sealingKeyId());
            if (rows.isEmpty()) {
                return done;
            }
            for (Object[] row : rows) {
                String subject = (String) row[0];
                String scope = (String) row[1];
                int version = (Integer) row[2];
                String context = wrapContext(subject, scope, version);
                String rewrapped = master.seal(master.open((String) row[3], context), context);
                jdbc.update(
                        "UPDATE personal_data_key SET wrapped_key = ?, master_key_id = ?"
                                + " WHERE subject_id = ? AND scope = ? AND version = ?",
                        rewrapped,
                        master.sealingKeyId(),
                        subject,
                        scope,
                        version);
                done++;
            }
            log.info("Rewrapped {} data keys with master key {}", done, master.sealingKeyId());
        }
    }

    /** Every key row (wrapped: a backup holds no key in clear) and every erasure, for {@link PersonalDataKeyBackup}. */
    List<PersonalDataKeyBackup.KeyRow> keyRows() {
        return jdbc.query(
                "SELECT subject_id, scope, version, master_key_id, wrapped_key, created_at FROM personal_data_key"
                        + " ORDER BY subject_id, scope, version",
                (rs, i) -> new PersonalDataKeyBackup.KeyRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
    }

    List<PersonalDataKeyBackup.ErasureRow> erasureRows() {
        return jdbc.query(
                "SELECT subject_id, scope, erased_at FROM personal_data_key_erasure ORDER BY subject_id, scope",
                (rs, i) -> new PersonalDataKeyBackup.ErasureRow(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
    }

    /**
     * Puts back the keys of a backup that are missing, except those of subjects erased since (here or in the backup),
     * and records the backup's erasures; returns how many keys came back.
     */
    int restore(PersonalDataKeyBackup backup) {
        Integer restored = transaction.execute(tx -> {
            for (PersonalDataKeyBackup.ErasureRow e : backup.erasures()) {
                jdbc.update(
                        "INSERT INTO personal_data_key_erasure (subject_id, scope, erased_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        e.subjectId(),
                        e.scope(),
                        Timestamp.from(e.erasedAt()));
            }
            int n = 0;
            for (PersonalDataKeyBackup.KeyRow k : backup.keys()) {
                n += jdbc.update(
                        "INSERT INTO personal_data_key"
                                + " (subject_id, scope, version, master_key_id, wrapped_key, created_at)"
                                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM personal_data_key_erasure"
                                + " WHERE subject_id = ? AND scope = ?) ON CONFLICT DO NOTHING",
                        k.subjectId(),
                        k.scope(),
                        k.version(),
                        k.masterKeyId(),
                        k.wrappedKey(),
                        Timestamp.from(k.createdAt()),
                        k.subjectId(),
                        k.scope());
            }
            return n;
        });
        forgetAll();
        return restored == null ? 0 : restored;
    }

    /**
     * The key that encrypts now: cached, else the newest stored version, else (or once that is older than the rotation
     * period) a new version. A new key is written in the caller's transaction (the one appending the event it
     * encrypts), so an event never commits without its key; it is cached only once that transaction committed, and
     * until then kept for the rest of the transaction (an event has several personal fields, a command several events:
     * one lookup, not one per field). Two transactions making the same version meet on the primary key: the second
     * waits for the first and uses its key.
     */
    private Current currentKey(Scoped s) {
        Current cached = current.getIfPresent(s);
        if (cached != null && (cached.key() == null || !isDue(cached))) {
            return cached;
        }
        Map<Scoped, Current> transactionKeys = transactionKeys();
        Current pending = transactionKeys == null ? null : transactionKeys.get(s);
        if (pending != null) {
            return pending;
        }
        Current stored = newest(s);
        if (stored == null && isErased(s.subject(), s.scope())) {
            stored = new Current(0, Instant.MAX, ERASED_KEY);
        } else if (stored == null || isDue(stored)) {
            insert(s, stored == null ? 1 : stored.version() + 1);
            stored = newest(s);
            if (stored == null) { // erased meanwhile
                stored = new Current(0, Instant.MAX, ERASED_KEY);
            }
        }
        if (transactionKeys != null) {
            transactionKeys.put(s, stored);
        } else {
            current.put(s, stored);
        }
        return stored;
    }

    /**
     * The current keys looked up in the caller's transaction, cached once it commits; {@code null} outside a
     * transaction.
     */
    private Map<Scoped, Current> transactionKeys() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<Scoped, Current> keys = (Map<Scoped, Current>) TransactionSynchronizationManager.getResource(this);
        if (keys == null) {
            Map<Scoped, Current> made = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    current.putAll(made);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalDataKeys.this);
                }
            });
            keys = made;
        }
        return keys;
    }

    private boolean isDue(Current key) {
        return key.createdAt().plus(rotation).isBefore(clock.instant());
    }

    private Current newest(Scoped s) {
        List<Current> newest = jdbc.query(
                "SELECT version, created_at, wrapped_key FROM personal_data_key WHERE subject_id = ? AND scope = ?"
                        + " ORDER BY version DESC LIMIT 1",
                (rs, i) -> new Current(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        unwrap(s.subject(), s.scope(), rs.getInt(1), rs.getString(3))),
                s.subject(),
                s.scope());
        return newest.isEmpty() ? null : newest.get(0);
    }

    /** A new random key of {@code version}, wrapped, unless the subject was erased or the version exists. */
    private void insert(Scoped s, int version) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.update(
                "INSERT INTO personal_data_key (subject_id, scope, version, master_key_id, wrapped_key, created_at)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM personal_data_key_erasure"
                        + " WHERE subject_id = ? AND scope = ?) ON CONFLICT DO NOTHING",
                s.subject(),
                s.scope(),
                version,
                master.sealingKeyId(),
                master.seal(Base64.getEncoder().encodeToString(key), wrapContext(s.subject(), s.scope(), version)),
                Timestamp.from(clock.instant()),
                s.subject(),
                s.scope());
    }

    private Optional<SealedSecrets> load(Versioned id) {
        List<String> wrapped = jdbc.queryForList(
                "SELECT wrapped_key FROM personal_data_key WHERE subject_id = ? AND scope = ? AND version = ?",
                String.class,
                id.subject(),
                id.scope(),
                id.version());
        if (!wrapped.isEmpty()) {
            return Optional.of(unwrap(id.subject(), id.scope(), id.version(), wrapped.get(0)));
        }
        if (isErased(id.subject(), id.scope())) {
            return Optional.empty();
        }
        throw new MissingDataKeyException("no data key " + id.version() + " (scope '" + id.scope() + "') for subject "
                + id.subject() + " and no erasure of it: the key store was lost or damaged; restore its backup");
    }

    private SealedSecrets unwrap(String subject, String scope, int version, String wrapped) {
        String key = master.open(wrapped, wrapContext(subject, scope, version));
        return SealedSecrets.fromSetting("the data key of one subject", key);
    }

    private static String wrapContext(String subject, String scope, int version) {
        return "cps-data-key\n" + subject + "\n" + scope + "\n" + version;
    }

    private static String context(String subject, String scope) {
        return "cps-personal-data\n" + subject + "\n" + scope;
    }
}
