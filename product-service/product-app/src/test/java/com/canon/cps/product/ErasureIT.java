package com.canon.cps.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.account.contract.LegacyEmailConfirmed;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.product.migration.domain.CompleteLegacyMigration;
import com.canon.cps.product.migration.domain.LegacyMigration;
import com.canon.cps.product.migration.domain.MigrationRefused;
import com.canon.cps.product.migration.query.LegacyMigrationView;
import com.canon.cps.product.registration.query.ProductRegistrationView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GDPR erasure (Art. 17, ADR 23) of a member with a registered product and a proven old CPS e-mail, as account-service
 * announces it: neither the dealer typed nor the old e-mail ever lies in clear in the event store; afterwards the read
 * models hold neither, the import of the proven e-mail and the product's reminder are gone, the pending migration is
 * stopped (the aggregate still loads and refuses by a business rule), and rebuilding both projections brings back
 * none of the erased values.
 */
@ProductServiceTest
class ErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DEALER = "Ingrid Weber (private sale)";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Projections projections;

    @Autowired
    CommandGateway commands;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void erasedMember_noPersonalValueIsLeft_theMigrationIsStopped_evenAfterARebuild() {
        String account = UUID.randomUUID().toString();
        String email = "ingrid+" + UUID.randomUUID() + "@legacy-cps.example";
        String legacySerial = serial();
        HttpTestClient.Response imported = http.post(
                "/api/products/legacy-registrations",
                "text/csv",
                "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n" + email + ",EOS-R8,"
                        + legacySerial + ",2022-02-02,DE,Foto Weber\n",
                TestTokens.operator());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        account(
                account,
                AccountOpened.TYPE,
                new AccountOpened(account, "Weber Foto", "DE", "de", email, Instant.now()));
        account(account, LegacyEmailConfirmed.TYPE, new LegacyEmailConfirmed(account, email, Instant.now()));
        HttpTestClient.Response registered = http.postJson(
                "/api/products",
                HttpTestClient.json(Map.of("modelCode", "EOS-5D-MARK-III", "serialNumber", serial(), "dealer", DEALER)),
                TestTokens.member(account));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String productId = registered.json().path("productId").asString();
        String reminder = "product.incomplete-reminder:" + productId;
        await().atMost(WAIT).until(() -> confirmed(account) && registration(productId) != null);
        assertThat(deadlines(reminder)).as("incomplete: a reminder is due").isEqualTo(1);
        List<String> ids = List.of(productId, LegacyMigration.idFor(account));
        assertThat(storedEvents(ids)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(storedEvents(ids))
                .as("stored encrypted only")
                .noneMatch(e -> e.contains(DEALER) || e.contains("Ingrid") || e.contains(email));

        account(account, AccountErased.TYPE, new AccountErased(account, Instant.now()));

        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(migration(account).get("stopped")));
        assertNoPersonalValue(account, productId, email);
        assertThat(registration(productId).getString("dealer")).isEqualTo("[erased]");
        assertThat(registration(productId).getString("serialNumber")).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM legacy_registration WHERE legacy_email = ?", Long.class, email))
                .as("the import of the proven old e-mail")
                .isZero();
        assertThat(deadlines(reminder)).as("no reminder to an erased account").isZero();

        // the migration loads from the erased events and refuses by a rule, not by failing to read them
        JsonNode status =
                http.get("/api/products/migration", TestTokens.member(account)).json();
        assertThat(status.path("status").asString()).isEqualTo("NOT_AVAILABLE");
        assertThat(http.post("/api/products/migration", "application/json", "", TestTokens.member(account))
                        .status())
                .isEqualTo(409);
        assertThatThrownBy(() -> commands.sendAndWait(new CompleteLegacyMigration(
                        LegacyMigration.idFor(account), "[erased]", List.of(), List.of(), Instant.now())))
                .isInstanceOfSatisfying(
                        MigrationRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(MigrationRefused.Reason.ACCOUNT_ERASED));
        // the registration loads too: "My Products" of the erased account shows the product without its dealer
        HttpTestClient.Response product = http.get("/api/products/" + productId, TestTokens.member(account));
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        assertThat(product.body()).doesNotContain(DEALER);

        rebuild("product-registrations");
        rebuild("legacy-migrations");
        assertNoPersonalValue(account, productId, email);
        assertThat(registration(productId).getString("dealer")).isEqualTo("[erased]");
        assertThat(migration(account).get("stopped")).isEqualTo(true);
        assertThat(storedEvents(ids)).noneMatch(e -> e.contains(DEALER) || e.contains(email));
    }

    private void assertNoPersonalValue(String account, String productId, String email) {
        assertThat(migration(account).get("legacyEmail")).isNull();
        assertThat(migration(account).toJson()).doesNotContain(email);
        assertThat(registration(productId).toJson()).doesNotContain(DEALER).doesNotContain("Ingrid");
    }

    private void rebuild(String projection) {
        String admin = "/admin/projections/" + projection + "/rebuild";
        await().atMost(WAIT)
                .until(() -> !http.get(admin, TestTokens.operator())
                        .json()
                        .path("status")
                        .asString()
                        .matches("RUNNING|CAUGHT_UP"));
        HttpTestClient.Response started = http.post(admin, "application/json", "", TestTokens.operator());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(WAIT)
                .until(
                        () -> http.get(admin, TestTokens.operator()).json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
    }

    private boolean confirmed(String account) {
        Document view = migration(account);
        return view != null && Boolean.TRUE.equals(view.get("legacyEmailConfirmed"));
    }

    private Document migration(String account) {
        return mongo.findById(account, Document.class, projections.collection(LegacyMigrationView.class));
    }

    private Document registration(String productId) {
        return mongo.findById(productId, Document.class, projections.collection(ProductRegistrationView.class));
    }

    private long deadlines(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?", Long.class, id);
    }

    /** The raw payloads of the aggregates' events, as the event table holds them. */
    private List<String> storedEvents(List<String> aggregates) {
        return new NamedParameterJdbcTemplate(jdbc)
                        .queryForList(
                                "SELECT payload FROM domainevententry WHERE aggregateidentifier IN (:ids)",
                                new MapSqlParameterSource("ids", aggregates),
                                byte[].class)
                        .stream()
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .toList();
    }

    private static void account(String account, String type, Object event) {
        KafkaTestClient.send(
                "cps.account.events", account, UUID.randomUUID().toString(), type, HttpTestClient.json(event));
    }

    private static String serial() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }
}
