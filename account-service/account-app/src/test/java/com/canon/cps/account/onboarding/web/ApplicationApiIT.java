package com.canon.cps.account.onboarding.web;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * account-service's public API (docs/api.md "account-service", "Authentication") against its full application on the
 * embedded PostgreSQL, Kafka and Mongo: applying publishes the contract event through the event store outbox, bad
 * input is refused with a problem and leaves nothing behind, one account per contact e-mail, operator login.
 */
@AccountServiceTest
class ApplicationApiIT {

    private static final String TOPIC = "cps.account.events";
    private static final String OPERATOR_EMAIL = AccountServiceTest.OPERATOR_EMAIL;
    private static final String OPERATOR_PASSWORD = AccountServiceTest.OPERATOR_PASSWORD;
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JwtDecoder jwtDecoder;

    private HttpTestClient http;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    // ---- applying -------------------------------------------------------------------------------------------------

    @Test
    void validApplication_isCreated_publishedAsContractEvent_andItsStatusReadable() throws Exception {
        String email = uniqueEmail("ada");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + hex(4);
        String incomingTraceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        HttpResponse<String> created = raw.send(
                HttpRequest.newBuilder(uri("/api/accounts"))
                        .header("Content-Type", "application/json")
                        .header("traceparent", incomingTraceparent)
                        .POST(HttpRequest.BodyPublishers.ofString(HttpTestClient.json(gbVatLiable(email))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String accountId = body.path("accountId").asString();
        assertThat(accountId).isNotBlank();
        assertThat(body.path("status").asString()).isEqualTo("PENDING_VERIFICATION");

        ConsumerRecord<String, byte[]> record = publishedRecordOf(accountId);
        Map<String, String> headers = KafkaTestClient.headers(record);
        String storedEventId = jdbc.queryForObject(
                "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?", String.class, accountId);
        assertThat(record.key()).isEqualTo(accountId);
        assertThat(headers)
                .containsEntry("ce_id", storedEventId)
                .containsEntry("ce_type", "cps.account.AccountApplicationSubmitted.v1")
                .containsEntry("ce_source", "/cps/account-service")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_subject", accountId)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_time", "traceparent");
        assertThat(Instant.parse(headers.get("ce_time")))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(headers.get("traceparent"))
                .matches(TRACEPARENT)
                .startsWith("00-" + traceId + "-")
                .isNotEqualTo(incomingTraceparent);
        assertThat(headers.values()).as("never a Java class name on the wire").noneMatch(v -> v.contains("com.canon"));

        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.path("accountId").asString()).isEqualTo(accountId);
        assertThat(payload.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(payload.path("address").path("line1").asString()).isEqualTo("1 High St");
        assertThat(payload.path("address").path("postalCode").asString()).isEqualTo("SW1A 1AA");
        assertThat(payload.path("address").path("city").asString()).isEqualTo("London");
        assertThat(payload.path("address").path("country").asString()).isEqualTo("GB");
        assertThat(payload.path("country").asString()).isEqualTo("GB");
        assertThat(payload.path("contactName").asString()).isEqualTo("Ada Lumen");
        assertThat(payload.path("contactEmail").asString()).isEqualTo(email);
        assertThat(payload.path("language").asString()).isEqualTo("en");
        assertThat(payload.path("vatLiable").asBoolean()).isTrue();
        assertThat(payload.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(payload.path("documentIds")).hasSize(1);
        assertThat(payload.path("documentIds").get(0).asString()).isEqualTo("doc-vat-certificate-1");
        assertThat(payload.path("legacyCpsEmailProvided").asBoolean()).isTrue();
        assertThat(payload.has("legacyCpsEmail"))
                .as("the old CPS e-mail stays in account-service")
                .isFalse();
        assertThat(Instant.parse(payload.path("submittedAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("com.canon");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpTestClient.Response status = http.get("/api/accounts/applications/" + accountId, null);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().path("accountId").asString()).isEqualTo(accountId);
            assertThat(status.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        });
    }

    @Test
    void notVatLiableGermanApplication_isPublishedWithoutVatIdAndLegacyFlag_andWithANewTrace() {
        String email = uniqueEmail("max");
        Map<String, Object> application = gbVatLiable(email);
        application.put("companyName", "Muster GmbH");
        application.put("address", address("Hauptstr. 1", "10115", "Berlin", "DE"));
        application.put("language", "de");
        application.put("vatLiable", false);
        application.put("vatId", "DE136695976"); // given although not VAT-liable: not kept
        application.remove("legacyCpsEmail");

        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(application), null);

        assertThat(created.status()).isEqualTo(201);
        String accountId = created.json().path("accountId").asString();
        ConsumerRecord<String, byte[]> record = publishedRecordOf(accountId);
        assertThat(KafkaTestClient.header(record, "traceparent")).matches(TRACEPARENT);
        JsonNode payload = JSON.readTree(record.value());
        assertThat(payload.path("country").asString()).isEqualTo("DE");
        assertThat(payload.path("language").asString()).isEqualTo("de");
        assertThat(payload.path("vatLiable").asBoolean()).isFalse();
        assertThat(payload.path("vatId").isNull()).isTrue();
        assertThat(payload.path("legacyCpsEmailProvided").asBoolean()).isFalse();
    }

    @Test
    void vatLiableApplication_withAnInvoiceInsteadOfAVatId_isCreated_andPublishedWithoutVatId() {
        Map<String, Object> application = gbVatLiable(uniqueEmail("invoice"));
        application.remove("vatId");
        application.put("evidenceDocumentIds", List.of("doc-invoice-with-vat-id"));

        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(application), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode payload = JSON.readTree(
                publishedRecordOf(created.json().path("accountId").asString()).value());
        assertThat(payload.path("vatLiable").asBoolean()).isTrue();
        assertThat(payload.path("vatId").isNull()).isTrue();
        assertThat(payload.path("documentIds").get(0).asString()).isEqualTo("doc-invoice-with-vat-id");
    }

    @Test
    void vatLiableApplication_withAVatIdAndNoDocument_isCreated() {
        Map<String, Object> application = gbVatLiable(uniqueEmail("vat-only"));
        application.put("vatId", "gb 980 780 684");
        application.remove("evidenceDocumentIds");

        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(application), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode payload = JSON.readTree(
                publishedRecordOf(created.json().path("accountId").asString()).value());
        assertThat(payload.path("vatLiable").asBoolean()).isTrue();
        assertThat(payload.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(payload.path("documentIds")).isEmpty();
    }

    @Test
    void greekApplication_typedAsPeopleDo_keepsGrInTheAddress_andPublishesTheVatPrefixEl() {
        Map<String, Object> application = gbVatLiable(uniqueEmail("athens"));
        application.put("companyName", "Lumen AE");
        application.put("address", address("Ermou 1", "105 63", "Athina", "GR"));
        application.put("vatId", "GR 094259216");

        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(application), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode payload = JSON.readTree(
                publishedRecordOf(created.json().path("accountId").asString()).value());
        assertThat(payload.path("vatId").asString()).isEqualTo("EL094259216");
        assertThat(payload.path("country").asString())
                .as("the account's country code")
                .isEqualTo("EL");
        assertThat(payload.path("address").path("country").asString())
                .as("the address as written")
                .isEqualTo("GR");
    }

    @Test
    void czechVatIdTypedWithASlash_isCheckedLikeAnyOther() {
        Map<String, Object> application = gbVatLiable(uniqueEmail("praha"));
        application.put("companyName", "Lumen s.r.o.");
        application.put("address", address("Na Příkopě 1", "110 00", "Praha", "CZ"));
        application.put("vatId", "CZ 640229/4448");

        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(application), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode payload = JSON.readTree(
                publishedRecordOf(created.json().path("accountId").asString()).value());
        assertThat(payload.path("vatId").asString()).isEqualTo("CZ6402294448");
        assertThat(payload.path("country").asString()).isEqualTo("CZ");
        application.put("contactEmail", uniqueEmail("praha"));
        application.put("vatId", "CZ 640229/4449");
        assertProblem(http.postJson("/api/accounts", HttpTestClient.json(application), null), 400);
    }

    @Test
    void contactEmail_isStoredNormalised_soADifferentlyCasedOneIsADuplicate() {
        String email = uniqueEmail("dup");
        HttpTestClient.Response first = http.postJson("/api/accounts", HttpTestClient.json(gbVatLiable(email)), null);
        assertThat(first.status()).isEqualTo(201);
        Counts before = counts();

        for (String again : List.of(email, email.toUpperCase(Locale.ROOT))) {
            HttpTestClient.Response duplicate =
                    http.postJson("/api/accounts", HttpTestClient.json(gbVatLiable(again)), null);

            assertProblem(duplicate, 409);
            assertThat(counts()).as("no second event, no second claim").isEqualTo(before);
        }
    }

    @Test
    void twoConcurrentApplicationsWithOneEmail_onlyOneSucceeds() {
        String email = uniqueEmail("race");
        Counts before = counts();

        List<CompletableFuture<HttpTestClient.Response>> attempts = Stream.of(email, email.toUpperCase(Locale.ROOT))
                .map(e -> CompletableFuture.supplyAsync(
                        () -> http.postJson("/api/accounts", HttpTestClient.json(gbVatLiable(e)), null)))
                .toList();

        List<Integer> statuses = attempts.stream()
                .map(CompletableFuture::join)
                .map(HttpTestClient.Response::status)
                .sorted()
                .toList();
        assertThat(statuses).containsExactly(201, 409);
        assertThat(counts()).isEqualTo(new Counts(before.events() + 1, before.emails() + 1));
    }

    @Test
    void unknownApplication_isNotFound() {
        assertProblem(http.get("/api/accounts/applications/" + UUID.randomUUID(), null), 404);
    }

    // ---- bad input: a clear 4xx problem and nothing stored ----------------------------------------------------------

    static Stream<Arguments> invalidApplications() {
        return Stream.of(
                invalid("companyName missing", b -> b.remove("companyName"), "companyName"),
                invalid("contactName blank", b -> b.put("contactName", "  "), "contactName"),
                invalid("companyName longer than 200", b -> b.put("companyName", "x".repeat(201)), "companyName"),
                invalid("address missing", b -> b.remove("address"), "address"),
                invalid("address.city missing", b -> address(b).remove("city"), "address.city"),
                invalid(
                        "contactEmail not an e-mail",
                        b -> b.put("contactEmail", "ada-at-lumen.example"),
                        "contactEmail"),
                invalid("contactEmail missing", b -> b.remove("contactEmail"), "contactEmail"),
                invalid("legacyCpsEmail not an e-mail", b -> b.put("legacyCpsEmail", "old mail"), "legacyCpsEmail"),
                invalid("language fr", b -> b.put("language", "fr"), "language"),
                invalid("vatLiable missing", b -> b.remove("vatLiable"), "vatLiable"),
                invalid("country US (not served)", b -> address(b).put("country", "US"), "address.country"),
                invalid("country ZZ (no such country)", b -> address(b).put("country", "ZZ"), "address.country"),
                invalid("country lower-case gb", b -> address(b).put("country", "gb"), "address.country"),
                invalid(
                        "VAT-liable with neither vatId nor document",
                        b -> {
                            b.remove("vatId");
                            b.put("evidenceDocumentIds", List.of());
                        },
                        "vatId"),
                invalid(
                        "VAT-liable with blank vatId and no document list",
                        b -> {
                            b.put("vatId", "   ");
                            b.remove("evidenceDocumentIds");
                        },
                        "vatId"),
                invalid(
                        "VAT-liable with an invoice and an invalid VAT ID",
                        b -> b.put("vatId", "GB980780685"),
                        "vatId"),
                invalid("VAT ID with a wrong check digit", b -> b.put("vatId", "GB980780685"), "vatId"),
                invalid("VAT ID of the wrong shape", b -> b.put("vatId", "GB123"), "vatId"),
                invalid("VAT ID of an unsupported country", b -> b.put("vatId", "US123456789"), "vatId"),
                invalid(
                        "not VAT-liable without a document",
                        b -> {
                            b.put("vatLiable", false);
                            b.put("evidenceDocumentIds", List.of());
                        },
                        "evidenceDocumentIds"),
                invalid(
                        "not VAT-liable with two documents",
                        b -> {
                            b.put("vatLiable", false);
                            b.put("evidenceDocumentIds", List.of("doc-1", "doc-2"));
                        },
                        "evidenceDocumentIds"),
                invalid(
                        "not VAT-liable, evidenceDocumentIds missing",
                        b -> {
                            b.put("vatLiable", false);
                            b.remove("evidenceDocumentIds");
                        },
                        "evidenceDocumentIds"),
                invalid(
                        "VAT-liable with two documents",
                        b -> b.put("evidenceDocumentIds", List.of("doc-1", "doc-2")),
                        "evidenceDocumentIds"),
                invalid("authorisedToApply false", b -> b.put("authorisedToApply", false), "authorisedToApply"),
                invalid("authorisedToApply missing", b -> b.remove("authorisedToApply"), "authorisedToApply"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidApplications")
    void invalidField_isRefusedWithTheFieldNamed_andNothingStored(
            String description, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = gbVatLiable(uniqueEmail("invalid"));
        change.accept(body);
        Counts before = counts();

        HttpTestClient.Response response = http.postJson("/api/accounts", HttpTestClient.json(body), null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").isArray()).isTrue();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> {
            fields.add(e.path("field").asString());
            assertThat(e.path("message").asString()).isNotBlank();
        });
        assertThat(fields).contains(field);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void emptyObject_namesEveryMissingRequiredField_andStoresNothing() {
        Counts before = counts();

        JsonNode problem = assertProblem(http.postJson("/api/accounts", "{}", null), 400);

        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .contains(
                        "companyName",
                        "address",
                        "contactName",
                        "contactEmail",
                        "language",
                        "vatLiable",
                        "authorisedToApply");
        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> unreadableBodies() {
        String valid = HttpTestClient.json(gbVatLiable("shape@lumen.example"));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"companyName\": \"Lumen Studio Ltd\","),
                Arguments.of("empty body", ""),
                Arguments.of("JSON array instead of object", "[" + valid + "]"),
                Arguments.of("vatLiable \"yes\"", valid.replace("\"vatLiable\":true", "\"vatLiable\":\"yes\"")),
                Arguments.of(
                        "authorisedToApply \"maybe\"",
                        valid.replace("\"authorisedToApply\":true", "\"authorisedToApply\":\"maybe\"")),
                Arguments.of("address a string", valid.replaceFirst("\"address\":\\{[^}]*}", "\"address\":\"London\"")),
                Arguments.of(
                        "evidenceDocumentIds an object",
                        valid.replaceFirst(
                                "\"evidenceDocumentIds\":\\[[^]]*]", "\"evidenceDocumentIds\":{\"id\":\"doc-1\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void unreadableBody_isRefusedAsMalformed_andNothingStored(String description, String body) {
        assertThat(body).isNotEqualTo(HttpTestClient.json(gbVatLiable("shape@lumen.example")));
        Counts before = counts();

        JsonNode problem = assertProblem(http.postJson("/api/accounts", body, null), 400);

        assertThat(problem.path("title").asString()).isEqualTo("Malformed request body");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void oversizedBody_withDeclaredLength_isRefusedWith413_andNothingStored() {
        Map<String, Object> body = gbVatLiable(uniqueEmail("big"));
        body.put("contactName", "x".repeat(70_000));
        Counts before = counts();

        HttpTestClient.Response response = http.postJson("/api/accounts", HttpTestClient.json(body), null);

        assertProblem(response, 413);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void oversizedBody_sentChunked_isRefusedWith413_andNothingStored() throws Exception {
        Map<String, Object> body = gbVatLiable(uniqueEmail("chunked"));
        body.put("contactName", "x".repeat(70_000));
        byte[] bytes = HttpTestClient.json(body).getBytes(StandardCharsets.UTF_8);
        Counts before = counts();

        HttpResponse<String> response = raw.send(
                HttpRequest.newBuilder(uri("/api/accounts"))
                        .header("Content-Type", "application/json")
                        .POST(withoutLength(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(
                new HttpTestClient.Response(
                        response.statusCode(),
                        response.headers().firstValue("content-type").orElse(""),
                        response.body()),
                413);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void wrongContentType_isRefusedWith415_andNothingStored() {
        Counts before = counts();

        HttpTestClient.Response response =
                http.post("/api/accounts", "text/plain", HttpTestClient.json(gbVatLiable(uniqueEmail("plain"))), null);

        assertProblem(response, 415);
        assertThat(counts()).isEqualTo(before);
    }

    // ---- login ------------------------------------------------------------------------------------------------------

    @Test
    void operatorFromConfiguration_logsIn_andGetsAnOperatorToken() {
        HttpTestClient.Response login = login(OPERATOR_EMAIL.toUpperCase(Locale.ROOT), OPERATOR_PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        JsonNode body = login.json();
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        String token = body.path("accessToken").asString();
        Jwt jwt = jwtDecoder.decode(token); // the decoder every service validates tokens with (key and issuer)
        assertThat(jwt.getSubject()).isEqualTo("operator:" + OPERATOR_EMAIL);
        // a configured (bootstrap) operator is an ADMIN, named in its token for the audit trails (ADR 19)
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR", "ADMIN");
        assertThat(jwt.getClaimAsString("email")).isEqualTo(OPERATOR_EMAIL);
        assertThat(jwt.getClaimAsString("name")).isEqualTo(OPERATOR_EMAIL);
        assertThat(jwt.getClaimAsString("operatorId"))
                .isEqualTo(UUID.nameUUIDFromBytes(
                                ("operator:" + OPERATOR_EMAIL).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");

        // /admin/** is OPERATOR-only: the operator token gets the service's projections (ADR 11)
        HttpTestClient.Response projections = http.get("/admin/projections", token);
        assertThat(projections.status()).as(projections.body()).isEqualTo(200);
        assertThat(projections.json().findValuesAsString("name"))
                .containsExactlyInAnyOrder("member-accounts", "account-applications", "member-search");
        assertProblem(
                http.get(
                        "/admin/projections",
                        TestTokens.member(UUID.randomUUID().toString())),
                403);
        assertProblem(http.get("/admin/projections", null), 401);
    }

    @Test
    void wrongPassword_andUnknownEmail_areRefusedAlike() {
        JsonNode wrongPassword = assertProblem(login(OPERATOR_EMAIL, "not-the-password"), 401);
        JsonNode unknownEmail = assertProblem(login("nobody@test.local", OPERATOR_PASSWORD), 401);

        assertThat(wrongPassword.path("detail").asString())
                .as("the answer does not tell which accounts exist")
                .isEqualTo(unknownEmail.path("detail").asString());
        assertThat(wrongPassword.toString()).doesNotContain("accessToken");
    }

    @Test
    void loginWithoutPassword_isInvalid() {
        JsonNode problem = assertProblem(
                http.postJson("/api/auth/login", HttpTestClient.json(Map.of("email", OPERATOR_EMAIL)), null), 400);
        assertThat(problem.path("errors").toString()).contains("password");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private HttpTestClient.Response login(String email, String password) {
        return http.postJson(
                "/api/auth/login", HttpTestClient.json(Map.of("email", email, "password", password)), null);
    }

    /** The docs/api.md sample application (GB, VAT-liable), mutable so tests can break one thing at a time. */
    private static Map<String, Object> gbVatLiable(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyName", "Lumen Studio Ltd");
        body.put("address", address("1 High St", "SW1A 1AA", "London", "GB"));
        body.put("contactName", "Ada Lumen");
        body.put("contactEmail", email);
        body.put("language", "en");
        body.put("vatLiable", true);
        body.put("vatId", "GB980780684");
        body.put("evidenceDocumentIds", List.of("doc-vat-certificate-1"));
        body.put("legacyCpsEmail", "ada.old@lumen.example");
        body.put("authorisedToApply", true);
        return body;
    }

    private static Map<String, Object> address(String line1, String postalCode, String city, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", line1);
        address.put("postalCode", postalCode);
        address.put("city", city);
        address.put("country", country);
        return address;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("address");
    }

    private static Arguments invalid(String description, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(description, change, field);
    }

    private static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID() + "@lumen.example";
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The published record of the account (reads the topic from the beginning). */
    private static ConsumerRecord<String, byte[]> publishedRecordOf(String accountId) {
        List<ConsumerRecord<String, byte[]>> seen =
                KafkaTestClient.readUntil(TOPIC, r -> accountId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(seen).as("records on " + TOPIC).isNotEmpty();
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(last.key()).as("a record for account " + accountId).isEqualTo(accountId);
        return last;
    }

    private record Counts(long events, long emails) {}

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM account_email", Long.class));
    }

    /** A body publisher without a known length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher withoutLength(byte[] bytes) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
