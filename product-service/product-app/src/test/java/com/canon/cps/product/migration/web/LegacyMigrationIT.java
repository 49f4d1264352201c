package com.canon.cps.product.migration.web;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.account.contract.LegacyEmailConfirmed;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.product.ProductServiceTest;
import com.canon.cps.product.migration.query.LegacyMigrationView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Legacy migration end to end on the full application: the operators' CSV import (bad lines reported, good kept,
 * re-import changes nothing), the account's old e-mail learnt from {@code AccountOpened} and proven by
 * {@code LegacyEmailConfirmed} on the real broker, and MIGRATE PRODUCTS: NOT_AVAILABLE (also while the e-mail is not
 * proven), AVAILABLE, COMPLETED, once, with serials held by others skipped.
 */
@ProductServiceTest
class LegacyMigrationIT {

    private static final String HEADER = "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n";
    private static final Duration CONSUMED = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    /** The collection serving reads now (another IT of the shared context may have rebuilt the projection). */
    @Autowired
    Projections projections;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void csvImport_keepsGoodLines_reportsBadOnesWithReasons_andReImportChangesNothing() {
        String email = oldEmail();
        String csv = HEADER
                + email + ",EOS-5D-MARK-III," + serial() + ",2019-06-01,GB,Jessops\n"
                + email + ",EF-40-F2.8-STM," + serial() + ",,,\n"
                + ",EOS-5D-MARK-III," + serial() + ",,,\n"
                + email + ",EOS-TOASTER," + serial() + ",,,\n"
                + email + ",EOS-R5,,2019-06-01,GB,x\n"
                + email + ",EOS-R5," + serial() + ",2999-01-01,,\n"
                + email + ",EOS-R5," + serial() + ",,Narnia,\n"
                + email + ",EOS-R5," + serial() + "\n"
                + "\"" + email + "\",\"EOS-R6\",\"" + serial()
                + "\",\"2021-02-03\",\"de\",\"Foto \"\"Koch\"\", Düsseldorf\"\n";
        long before = legacyRows();

        JsonNode first = importCsv(csv);

        assertThat(first.path("imported").asInt()).isEqualTo(3);
        assertThat(first.path("alreadyImported").asInt()).isZero();
        List<Integer> lines = new ArrayList<>();
        first.path("rejected").forEach(r -> lines.add(r.path("line").asInt()));
        assertThat(lines).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(first.path("rejected").get(0).path("reason").asString()).isEqualTo("legacyEmail is missing");
        assertThat(first.path("rejected").get(1).path("reason").asString()).contains("EOS-TOASTER");
        assertThat(first.path("rejected").get(2).path("reason").asString()).isEqualTo("serialNumber is missing");
        assertThat(first.path("rejected").get(3).path("reason").asString()).contains("in the future");
        assertThat(first.path("rejected").get(4).path("reason").asString()).contains("countryOfPurchase NARNIA");
        assertThat(first.path("rejected").get(5).path("reason").asString()).contains("expected 6 fields");
        assertThat(legacyRows()).isEqualTo(before + 3);
        assertThat(jdbc.queryForObject(
                        "SELECT dealer FROM legacy_registration WHERE legacy_email = ? AND model_code = 'EOS-R6'",
                        String.class,
                        email))
                .isEqualTo("Foto \"Koch\", Düsseldorf");

        JsonNode again = importCsv(csv);

        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("alreadyImported").asInt()).isEqualTo(3);
        assertThat(again.path("rejected")).hasSize(6);
        assertThat(legacyRows()).as("the same file again changes nothing").isEqualTo(before + 3);
    }

    @Test
    void csvImport_germanSpreadsheetExport_semicolonsByteOrderMarkAndCrLf_isImported_badLinesByNumber() {
        String email = oldEmail();
        String csv = "\uFEFF" + HEADER.replace(',', ';').replace("\n", "\r\n")
                + email + ";EOS-R6;" + serial() + ";2021-02-03;DE;Foto Koch, Düsseldorf\r\n"
                + email + ";EOS-R6;" + serial() + ";;;\"Calumet\"Hamburg\r\n"
                + email + ";EOS-R6;" + serial() + ";;;\"Calumet; Hamburg\"\r\n";
        long before = legacyRows();

        JsonNode result = importCsv(csv);

        assertThat(result.path("imported").asInt()).as(result.toString()).isEqualTo(2);
        assertThat(result.path("rejected")).hasSize(1);
        assertThat(result.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(result.path("rejected").get(0).path("reason").asString()).contains("closing quote");
        assertThat(legacyRows()).isEqualTo(before + 2);
        assertThat(jdbc.queryForList(
                        "SELECT dealer FROM legacy_registration WHERE legacy_email = ? ORDER BY dealer",
                        String.class,
                        email))
                .containsExactly("Calumet; Hamburg", "Foto Koch, Düsseldorf");
    }

    @Test
    void csvImport_sameRegistrationWithOtherDetails_isRejected_theFirstImportStands() {
        String email = oldEmail();
        String serial = serial();
        importCsv(HEADER + email + ",EOS-R7," + serial + ",2020-01-01,FR,Fnac\n");

        JsonNode second = importCsv(HEADER + email + ",EOS-R7," + serial + ",2020-01-01,FR,Darty\n");

        assertThat(second.path("imported").asInt()).isZero();
        assertThat(second.path("rejected").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(second.path("rejected").get(0).path("reason").asString()).contains("imported before");
        assertThat(jdbc.queryForObject(
                        "SELECT dealer FROM legacy_registration WHERE legacy_email = ?", String.class, email))
                .isEqualTo("Fnac");
    }

    @Test
    void csvImport_isForBillingOperators_andNeedsTheHeader_andEachImportIsInTheAuditTrail() {
        String csv = HEADER + oldEmail() + ",EOS-R7," + serial() + ",,,\n";
        assertProblem(http.post("/api/products/legacy-registrations", "text/csv", csv, null), 401);
        assertProblem(
                http.post("/api/products/legacy-registrations", "text/csv", csv, TestTokens.member(account())), 403);
        long before = legacyRows();
        String reviewer = TestTokens.operator("rita.reviewer@cps.local", "REVIEWER");
        assertProblem(http.post("/api/products/legacy-registrations", "text/csv", csv, reviewer), 403);
        assertThat(legacyRows()).isEqualTo(before);
        assertThat(http.get("/admin/audit?action=LEGACY_PRODUCTS_IMPORTED&operator=rita.reviewer@cps.local", reviewer)
                        .json())
                .isEmpty();

        String billing = TestTokens.operator("bea.billing@cps.local", "BILLING");
        HttpTestClient.Response imported = http.post("/api/products/legacy-registrations", "text/csv", csv, billing);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(legacyRows()).isEqualTo(before + 1);
        JsonNode trail = http.get(
                        "/admin/audit?action=LEGACY_PRODUCTS_IMPORTED&operator=bea.billing@cps.local", reviewer)
                .json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("operatorEmail").asString()).isEqualTo("bea.billing@cps.local");
        assertThat(trail.get(0).path("subjectType").asString()).isEqualTo("LEGACY_IMPORT");
        assertThat(trail.get(0).path("details").path("imported").asInt()).isEqualTo(1);
        before = legacyRows();
        assertProblem(
                http.post(
                        "/api/products/legacy-registrations",
                        "text/csv",
                        oldEmail() + ",EOS-R7,1,,,\n",
                        TestTokens.operator()),
                400);
        assertProblem(
                http.post("/api/products/legacy-registrations", "application/json", "{}", TestTokens.operator()), 415);
        assertThat(legacyRows()).isEqualTo(before);
    }

    @Test
    void accountWithoutOldEmail_cannotMigrate() {
        String account = account();
        assertThat(status(account).path("status").asString())
                .as("unknown account")
                .isEqualTo("NOT_AVAILABLE");

        accountOpened(account, null);

        await().atMost(CONSUMED).until(() -> migrationViewExists(account));
        JsonNode status = status(account);
        assertThat(status.path("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(status.path("legacyProductCount").asInt()).isZero();
        assertProblem(migrate(account), 409);
    }

    @Test
    void accountWithAnUnconfirmedOldEmail_cannotMigrate_andIsNotToldWhetherTheImportHoldsProducts() {
        String account = account();
        String email = oldEmail();
        importCsv(HEADER + email + ",EOS-R8," + serial() + ",2022-02-02,NL,Kamera Express\n");
        accountOpened(account, email);
        await().atMost(CONSUMED).until(() -> migrationViewExists(account));

        JsonNode status = status(account);
        assertThat(status.path("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(status.path("legacyProductCount").asInt()).isZero();
        assertThat(assertProblem(migrate(account), 409).path("detail").asString())
                .contains("confirm");

        legacyEmailConfirmed(account, email);

        await().atMost(CONSUMED)
                .until(() -> "AVAILABLE".equals(status(account).path("status").asString()));
        assertThat(status(account).path("legacyProductCount").asInt()).isEqualTo(1);
    }

    @Test
    void anOldEmailGivenAfterTheApplication_andConfirmed_makesTheMigrationAvailable() {
        String account = account();
        String email = oldEmail();
        importCsv(HEADER + email + ",EOS-R8," + serial() + ",2022-02-02,NL,Kamera Express\n");
        accountOpened(account, null);
        await().atMost(CONSUMED).until(() -> migrationViewExists(account));

        legacyEmailConfirmed(account, email.toUpperCase());

        await().atMost(CONSUMED)
                .until(() -> "AVAILABLE".equals(status(account).path("status").asString()));
        assertThat(migrate(account).status()).isEqualTo(202);
    }

    @Test
    void accountWithOldEmail_butNothingImported_cannotMigrate() {
        String account = account();
        String email = oldEmail();
        accountOpened(account, email);
        legacyEmailConfirmed(account, email);
        await().atMost(CONSUMED).until(() -> confirmed(account));

        assertThat(status(account).path("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertProblem(migrate(account), 409);
    }

    @Test
    void migration_copiesTheImport_completeOnesEarnAtOnce_takenSerialsAreSkipped_andHappensOnce() {
        String account = account();
        String other = account();
        String email = oldEmail();
        String complete = serial();
        String incomplete = serial();
        String taken = serial();
        importCsv(HEADER
                + email.toUpperCase() + ",EOS-5D-MARK-III," + complete + ",2016-04-01,GB,Jessops\n"
                + email + ",EF-40-F2.8-STM," + incomplete + ",2017-05-02,,\n"
                + email + ",EOS-C70," + taken + ",2021-01-01,DE,Calumet\n");
        HttpTestClient.Response otherRegistered = http.postJson(
                "/api/products",
                "{\"modelCode\":\"EOS-C70\",\"serialNumber\":\"" + taken + "\"}",
                TestTokens.member(other));
        assertThat(otherRegistered.status()).isEqualTo(201);

        accountOpened(account, " " + email.toUpperCase() + " ");
        legacyEmailConfirmed(account, email);
        JsonNode available = await().atMost(CONSUMED)
                .until(
                        () -> status(account),
                        s -> "AVAILABLE".equals(s.path("status").asString()));
        assertThat(available.path("legacyProductCount").asInt()).isEqualTo(3);

        HttpTestClient.Response migrated = migrate(account);

        assertThat(migrated.status()).as(migrated.body()).isEqualTo(202);
        assertThat(migrated.json().path("migratedProductCount").asInt()).isEqualTo(2);
        JsonNode skipped = migrated.json().path("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("serialNumber").asString()).isEqualTo(taken);
        assertThat(skipped.get(0).path("reason").asString()).isEqualTo("REGISTERED_BY_ANOTHER_ACCOUNT");

        List<JsonNode> products = await().atMost(CONSUMED).until(() -> products(account), list -> list.size() == 2);
        JsonNode camera = products.stream()
                .filter(p -> p.path("serialNumber").asString().equals(complete))
                .findFirst()
                .orElseThrow();
        JsonNode lens = products.stream()
                .filter(p -> p.path("serialNumber").asString().equals(incomplete))
                .findFirst()
                .orElseThrow();
        assertThat(camera.path("migrated").asBoolean()).isTrue();
        assertThat(camera.path("complete").asBoolean())
                .as("the green tick at once")
                .isTrue();
        assertThat(camera.path("earnedPoints").asInt()).isEqualTo(235);
        assertThat(lens.path("migrated").asBoolean()).isTrue();
        assertThat(lens.path("complete").asBoolean()).isFalse();
        assertThat(lens.path("missingDetails").toString()).contains("COUNTRY_OF_PURCHASE", "DEALER");

        JsonNode event = JSON.readTree(
                awaitPublished(account, "cps.product.ProductsMigrated.v1").value());
        assertThat(event.path("count").asInt()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        event.path("productIds").forEach(id -> ids.add(id.asString()));
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        camera.path("productId").asString(),
                        lens.path("productId").asString());
        JsonNode copied =
                JSON.readTree(awaitPublished(camera.path("productId").asString(), "cps.product.ProductRegistered.v1")
                        .value());
        assertThat(copied.path("migrated").asBoolean()).isTrue();
        assertThat(copied.path("complete").asBoolean()).isTrue();

        JsonNode done = await().atMost(CONSUMED)
                .until(
                        () -> status(account),
                        s -> "COMPLETED".equals(s.path("status").asString()));
        assertThat(done.path("migratedProductCount").asInt()).isEqualTo(2);
        assertThat(done.path("skipped")).hasSize(1);
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        assertProblem(migrate(account), 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                .as("a second migration records nothing")
                .isEqualTo(events);
    }

    @Test
    void twoConcurrentMigrations_ofOneAccount_copyOnce() {
        String account = account();
        String email = oldEmail();
        importCsv(HEADER + email + ",EOS-R8," + serial() + ",2022-02-02,NL,Kamera Express\n" + email
                + ",RF-50-F1.8-STM," + serial() + ",,,\n");
        accountOpened(account, email);
        legacyEmailConfirmed(account, email);
        await().atMost(CONSUMED)
                .until(() -> "AVAILABLE".equals(status(account).path("status").asString()));

        List<CompletableFuture<HttpTestClient.Response>> attempts = List.of(
                CompletableFuture.supplyAsync(() -> migrate(account)),
                CompletableFuture.supplyAsync(() -> migrate(account)));
        List<Integer> statuses = attempts.stream()
                .map(CompletableFuture::join)
                .map(HttpTestClient.Response::status)
                .sorted()
                .toList();

        assertThat(statuses).containsExactly(202, 409);
        await().atMost(CONSUMED).until(() -> products(account).size() == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM product_serial_claim WHERE account_id = ?", Long.class, account))
                .isEqualTo(2);
    }

    @Test
    void accountOpenedDeliveredTwice_orRepeated_preparesTheMigrationOnce() {
        String account = account();
        String ceId = UUID.randomUUID().toString();
        String repeatId = UUID.randomUUID().toString();
        String json = HttpTestClient.json(
                new AccountOpened(account, "Lumen Studio Ltd", "GB", "en", oldEmail(), Instant.now()));

        // one key, one partition: handled in this order; the second record is a redelivery, the third a repeat
        KafkaTestClient.send("cps.account.events", account, ceId, AccountOpened.TYPE, json);
        KafkaTestClient.send("cps.account.events", account, ceId, AccountOpened.TYPE, json);
        KafkaTestClient.send("cps.account.events", account, repeatId, AccountOpened.TYPE, json);

        await().atMost(CONSUMED)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id IN (?, ?)",
                                Long.class,
                                ceId,
                                repeatId)
                        == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                        Long.class,
                        "legacy-migration:" + account))
                .isEqualTo(1);
        await().atMost(CONSUMED).until(() -> migrationViewExists(account));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private JsonNode importCsv(String csv) {
        HttpTestClient.Response response =
                http.post("/api/products/legacy-registrations", "text/csv", csv, TestTokens.operator());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode status(String account) {
        HttpTestClient.Response response = http.get("/api/products/migration", TestTokens.member(account));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private HttpTestClient.Response migrate(String account) {
        return http.post("/api/products/migration", "application/json", "", TestTokens.member(account));
    }

    private List<JsonNode> products(String account) {
        List<JsonNode> list = new ArrayList<>();
        http.get("/api/products", TestTokens.member(account)).json().forEach(list::add);
        return list;
    }

    private boolean migrationViewExists(String account) {
        return mongo.findById(account, Document.class, projections.collection(LegacyMigrationView.class)) != null;
    }

    private static void accountOpened(String account, String legacyEmail) {
        KafkaTestClient.send(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountOpened.TYPE,
                HttpTestClient.json(
                        new AccountOpened(account, "Lumen Studio Ltd", "GB", "en", legacyEmail, Instant.now())));
    }

    private static void legacyEmailConfirmed(String account, String legacyEmail) {
        KafkaTestClient.send(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                LegacyEmailConfirmed.TYPE,
                HttpTestClient.json(new LegacyEmailConfirmed(account, legacyEmail, Instant.now())));
    }

    private boolean confirmed(String account) {
        Document view = mongo.findById(account, Document.class, projections.collection(LegacyMigrationView.class));
        return view != null && Boolean.TRUE.equals(view.get("legacyEmailConfirmed"));
    }

    private static ConsumerRecord<String, byte[]> awaitPublished(String id, String type) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                "cps.product.events",
                r -> type.equals(KafkaTestClient.header(r, "ce_type"))
                        && (id.equals(r.key()) || new String(r.value()).contains(id)),
                CONSUMED);
        assertThat(seen).isNotEmpty();
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(KafkaTestClient.header(last, "ce_type")).isEqualTo(type);
        return last;
    }

    private long legacyRows() {
        return jdbc.queryForObject("SELECT count(*) FROM legacy_registration", Long.class);
    }

    private static String account() {
        return UUID.randomUUID().toString();
    }

    private static String oldEmail() {
        return "old+" + UUID.randomUUID() + "@legacy-cps.example";
    }

    private static String serial() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
