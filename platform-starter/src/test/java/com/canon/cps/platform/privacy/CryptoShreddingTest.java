package com.canon.cps.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.deadletter.DeadLetters;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.testing.MigratedPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding on a real PostgreSQL (ADR 23): what the event store holds, what readers see before and after an
 * erasure, retained scopes, key rotation, master-key rotation, a lost key store and its restore.
 */
class CryptoShreddingTest {

    record Address(
            @PersonalData String street, @PersonalData String city, String country) {}

    record Line(@PersonalData String note, int quantity) {}

    record Submitted(
            String accountId,
            @PersonalData String contactName,
            @PersonalData String contactEmail,
            Address address,
            List<Line> lines,
            @PersonalData List<String> aliases,
            @PersonalData(scope = "tax-records") String invoiceName,
            int points,
            BigDecimal price) {}

    record CaseOpened(
            @DataSubject String memberId,
            String caseId,
            @PersonalData String note) {}

    record NoSubject(@PersonalData String name) {}

    record Plain(String accountId, String productId) {}

    private static MigratedPostgres postgres;
    private static DataSource dataSource;
    private static final String MASTER = SealedSecrets.generateKey();

    private JdbcTemplate jdbc;
    private JdbcTransactionManager transactions;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private PersonalDataKeys keys;
    private Serializer serializer;
    private JdbcPersonalDataErasure erasure;

    @BeforeAll
    static void startPostgres() {
        postgres = MigratedPostgres.start("privacy");
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void wire() {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM personal_data_key");
        jdbc.update("DELETE FROM personal_data_key_erasure");
        transactions = new JdbcTransactionManager(dataSource);
        keys = keys(MASTER);
        serializer = new CryptoShreddingSerializer(
                JacksonSerializer.builder()
                        .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
                        .build(),
                () -> keys);
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        erasure = new JdbcPersonalDataErasure(
                keys,
                jdbc,
                none.getBeanProvider(Cache.class),
                none.getBeanProvider(DeadLetters.class),
                none.getBeanProvider(ErasureParticipant.class));
    }

    private PersonalDataKeys keys(String masterKeys) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new PersonalDataKeys(
                jdbc,
                transactions,
                SealedSecrets.fromSetting("master", masterKeys),
                clock,
                Duration.ofDays(90),
                Duration.ofMinutes(1));
    }

    private static Submitted submitted(String accountId) {
        return new Submitted(
                accountId,
                "Erika Mustermann",
                "erika@studio.example",
                new Address("Hauptstraße 1", "Köln", "DE"),
                List.of(new Line("bitte mit Rechnung an Frau Mustermann", 2)),
                List.of("Erika M.", "E. Mustermann"),
                "Erika Mustermann Fotografie",
                42,
                new BigDecimal("85.00"));
    }

    private String stored(Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private <T> T read(SerializedObject<byte[]> stored) {
        return (T) serializer.deserialize(stored);
    }

    @Test
    void storesPersonalDataOnlyEncryptedAndReadsItBack() {
        Submitted event = submitted("acc-1");
        String json = stored(event);

        assertThat(json)
                .doesNotContain("Erika", "Mustermann", "erika@studio", "Hauptstraße", "Köln", "bitte mit")
                .contains("\"accountId\":\"acc-1\"", "\"country\":\"DE\"", "\"quantity\":2", "\"points\":42")
                .contains("\"p1..1.s1.", "\"p1.tax-records.1.s1.");
        Submitted back = read(serializer.serialize(event, byte[].class));
        assertThat(back).isEqualTo(event);
        assertThat(back.price())
                .as("a decimal keeps its scale through the JSON tree")
                .hasToString("85.00");
        assertThat(stored(new Plain("acc-1", "p-1"))).isEqualTo("{\"accountId\":\"acc-1\",\"productId\":\"p-1\"}");
        assertThat(jdbc.queryForList("SELECT wrapped_key FROM personal_data_key", String.class))
                .hasSize(2)
                .allSatisfy(w -> assertThat(w).startsWith("s1."));
    }

    @Test
    void afterErasureReadersSeeErasedValuesInTheSameShapeAndNewEventsStoreNone() {
        SerializedObject<byte[]> before = serializer.serialize(submitted("acc-2"), byte[].class);
        SerializedObject<byte[]> other = serializer.serialize(submitted("acc-3"), byte[].class);

        jdbc.update(
                "INSERT INTO operator_audit (audit_id, at, operator_id, action, subject_type, subject_id, account_id,"
                        + " details) VALUES (gen_random_uuid(), now(), 'op-1', 'VERIFICATION_DECIDED', 'CASE', 'case-9',"
                        + " 'acc-2', '{\"reason\":\"Erika Mustermann rief an\"}')");

        erasure.erase("acc-2");

        assertThat(jdbc.queryForList("SELECT details FROM operator_audit WHERE account_id = 'acc-2'", String.class))
                .as("the operators' words about the account; who did what stays")
                .containsExactly("{\"erased\":true}");

        Submitted erased = read(before);
        assertThat(erased.contactName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.contactEmail()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.address()).isEqualTo(new Address(PersonalData.ERASED, PersonalData.ERASED, "DE"));
        assertThat(erased.lines()).containsExactly(new Line(PersonalData.ERASED, 2));
        assertThat(erased.aliases()).containsExactly(PersonalData.ERASED, PersonalData.ERASED);
        assertThat(erased.invoiceName())
                .as("a retained scope outlives the erasure")
                .isEqualTo("Erika Mustermann Fotografie");
        assertThat(erased.points()).isEqualTo(42);
        assertThat((Submitted) read(other)).as("another subject").isEqualTo(submitted("acc-3"));
        assertThat(erasure.isErased("acc-2")).isTrue();
        assertThat(erasure.isErased("acc-3")).isFalse();

        assertThat(stored(submitted("acc-2")))
                .as("an event after the erasure stores no personal data")
                .doesNotContain("Erika", "erika@", "Köln")
                .contains("\"contactName\":\"[erased]\"");

        erasure.eraseScope("acc-2", "tax-records");
        assertThat(((Submitted) read(before)).invoiceName()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aDataSubjectOtherThanAccountIdAndAnEventWithoutOne() {
        SerializedObject<byte[]> opened =
                serializer.serialize(new CaseOpened("acc-4", "case-1", "ruft zurück"), byte[].class);
        assertThat(new String(opened.getData(), StandardCharsets.UTF_8)).doesNotContain("ruft");
        erasure.erase("acc-4");
        assertThat(((CaseOpened) read(opened)).note()).isEqualTo(PersonalData.ERASED);

        assertThatThrownBy(() -> stored(new NoSubject("Erika")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names no data subject");
    }

    @Test
    void aNewKeyVersionAfterTheRotationPeriodAndBothDestroyedByTheErasure() {
        SerializedObject<byte[]> first = serializer.serialize(submitted("acc-5"), byte[].class);
        now.set(now.get().plus(Duration.ofDays(91)));
        String second = stored(submitted("acc-5"));

        assertThat(second).contains("\"p1..2.s1.");
        assertThat(jdbc.queryForObject(
                        "SELECT max(version) FROM personal_data_key WHERE subject_id = 'acc-5' AND scope = ''",
                        Integer.class))
                .isEqualTo(2);
        assertThat((Submitted) read(first)).isEqualTo(submitted("acc-5"));

        erasure.erase("acc-5");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM personal_data_key WHERE subject_id = 'acc-5' AND scope = ''",
                        Integer.class))
                .isZero();
        assertThat(((Submitted) read(first)).contactName()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void aSubjectsKeyIsLookedUpOncePerTransaction_howeverManyFieldsAndEventsItEncrypts() {
        AtomicInteger lookups = new AtomicInteger();
        jdbc = new JdbcTemplate(dataSource) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                if (sql.contains("FROM personal_data_key WHERE") && sql.contains("ORDER BY version DESC")) {
                    lookups.incrementAndGet();
                }
                return super.query(sql, rowMapper, args);
            }
        };
        keys = keys(MASTER);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            stored(submitted("acc-10")); // eight personal values in two scopes
            stored(submitted("acc-10"));
            stored(new CaseOpened("acc-10", "case-2", "ruft zurück"));
        });
        assertThat(lookups)
                .as("per scope: none stored yet, then the one just made")
                .hasValue(4);

        SerializedObject<byte[]> after = serializer.serialize(submitted("acc-10"), byte[].class);
        assertThat(lookups).as("cached once the transaction committed").hasValue(4);
        assertThat((Submitted) read(after)).isEqualTo(submitted("acc-10"));
        assertThat(after.getData()).asString(StandardCharsets.UTF_8).contains("\"p1..1.s1.");
    }

    @Test
    void aKeyMadeInARolledBackTransactionIsNotUsedAfterwards() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            stored(submitted("acc-6"));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM personal_data_key WHERE subject_id = 'acc-6'", Integer.class))
                .isZero();

        SerializedObject<byte[]> event = serializer.serialize(submitted("acc-6"), byte[].class);
        assertThat((Submitted) read(event)).isEqualTo(submitted("acc-6"));
    }

    @Test
    void aLostKeyStoreFailsLoudlyAndARestoredBackupMendsItWithoutUndoingAnErasure() {
        SerializedObject<byte[]> kept = serializer.serialize(submitted("acc-7"), byte[].class);
        SerializedObject<byte[]> erasedLater = serializer.serialize(submitted("acc-8"), byte[].class);
        PersonalDataKeyBackup backup = new PersonalDataKeyBackup("test", now.get(), keys.keyRows(), keys.erasureRows());
        assertThat(backup.keys())
                .hasSize(4)
                .allSatisfy(k -> assertThat(k.wrappedKey()).startsWith("s1."));

        erasure.erase("acc-8");
        jdbc.update("DELETE FROM personal_data_key"); // the key store is lost
        keys.forgetAll();

        assertThatThrownBy(() -> read(kept))
                .isInstanceOf(MissingDataKeyException.class)
                .hasMessageContaining("restore its backup");

        assertThat(keys.restore(backup)).as("acc-7's two keys, not acc-8's own").isEqualTo(3);
        assertThat((Submitted) read(kept)).isEqualTo(submitted("acc-7"));
        Submitted stillErased = read(erasedLater);
        assertThat(stillErased.contactName()).isEqualTo(PersonalData.ERASED);
        assertThat(stillErased.invoiceName()).isEqualTo("Erika Mustermann Fotografie");
    }

    @Test
    void aNewMasterKeyRewrapsEveryDataKeyAndTheOldOneCanThenGo() {
        SerializedObject<byte[]> event = serializer.serialize(submitted("acc-9"), byte[].class);
        String newMaster = SealedSecrets.generateKey();
        keys = keys(newMaster + "," + MASTER);

        assertThat(keys.rewrap()).isEqualTo(2);
        assertThat(keys.rewrap()).isZero();

        keys = keys(newMaster);
        assertThat((Submitted) read(event)).isEqualTo(submitted("acc-9"));
    }
}
