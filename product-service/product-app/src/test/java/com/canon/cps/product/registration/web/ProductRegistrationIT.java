package com.canon.cps.product.registration.web;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.product.ProductServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My Products" (docs/api.md product-service) on the full application with the embedded PostgreSQL, Kafka and Mongo:
 * register incomplete, complete, deregister, each published on {@code cps.product.events}; one account per serial
 * number also under concurrent registrations; bad input refused with a problem and nothing changed; the catalogue
 * and its versions.
 */
@ProductServiceTest
class ProductRegistrationIT {

    private static final String TOPIC = "cps.product.events";
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- register, complete, deregister ----------------------------------------------------------------------

    @Test
    void incompleteRegistration_earnsNothingYet_listsWhatIsMissing_andPatchCompletesIt() {
        String account = newAccount();
        String serial = serial();

        HttpTestClient.Response created = post(account, product("EOS-5D-MARK-III", serial, p -> {
            p.put("purchaseDate", "2024-05-01");
            p.put("purchaseDateEstimated", true);
        }));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String productId = body.path("productId").asString();
        assertThat(UUID.fromString(productId)).isNotNull();
        assertThat(body.path("complete").asBoolean()).isFalse();
        assertThat(strings(body.path("missingDetails"))).containsExactly("COUNTRY_OF_PURCHASE", "DEALER");
        assertThat(body.path("points").asInt()).as("what the product is worth").isEqualTo(235);
        assertThat(body.path("earnedPoints").asInt())
                .as("an incomplete product earns nothing")
                .isZero();
        assertThat(body.path("name").asString()).isEqualTo("EOS 5D Mark III");
        assertThat(body.path("purchaseDateEstimated").asBoolean()).isTrue();

        JsonNode registered = payload(awaitPublished(productId, "cps.product.ProductRegistered.v1"));
        assertThat(registered.path("accountId").asString()).isEqualTo(account);
        assertThat(registered.path("modelCode").asString()).isEqualTo("EOS-5D-MARK-III");
        assertThat(registered.path("serialNumber").asString()).isEqualTo(serial);
        assertThat(registered.path("points").asInt()).isEqualTo(235);
        assertThat(registered.path("complete").asBoolean()).isFalse();
        assertThat(strings(registered.path("missingDetails"))).containsExactly("COUNTRY_OF_PURCHASE", "DEALER");
        assertThat(registered.path("migrated").asBoolean()).isFalse();

        HttpTestClient.Response patched = patch(
                account, productId, Map.of("countryOfPurchase", "gb", "dealer", "Jessops", "dealerEstimated", true));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("complete").asBoolean()).isTrue();
        assertThat(patched.json().path("missingDetails")).isEmpty();
        assertThat(patched.json().path("earnedPoints").asInt()).isEqualTo(235);
        assertThat(patched.json().path("countryOfPurchase").asString()).isEqualTo("GB");
        assertThat(patched.json().path("purchaseDate").asString()).isEqualTo("2024-05-01");

        ConsumerRecord<String, byte[]> completed = awaitPublished(productId, "cps.product.ProductDetailsCompleted.v1");
        assertThat(completed.key()).isEqualTo(account);
        assertThat(KafkaTestClient.header(completed, "ce_subject")).isEqualTo(account);
        assertThat(payload(completed).path("points").asInt()).isEqualTo(235);
        assertThat(payload(completed).path("complete").asBoolean()).isTrue();

        JsonNode listed = awaitProducts(
                        account,
                        list -> list.size() == 1 && list.get(0).path("complete").asBoolean())
                .get(0);
        assertThat(listed.path("productId").asString()).isEqualTo(productId);
        assertThat(listed.path("serialNumber").asString()).isEqualTo(serial);
        assertThat(listed.path("dealer").asString()).isEqualTo("Jessops");
        assertThat(listed.path("dealerEstimated").asBoolean()).isTrue();
        assertThat(listed.path("migrated").asBoolean()).isFalse();
        assertThat(listed.has("_version")).as("no storage internals in the API").isFalse();
        assertThat(listed.has("accountId")).isFalse();
    }

    @Test
    void completeRegistration_isPublishedComplete_andDeregistrationRemovesItAndFreesTheSerial() {
        String account = newAccount();
        String other = newAccount();
        String serial = serial();
        String productId = registerComplete(account, "EF-40-F2.8-STM", serial);

        JsonNode registered = payload(awaitPublished(productId, "cps.product.ProductRegistered.v1"));
        assertThat(registered.path("complete").asBoolean()).isTrue();
        assertThat(registered.path("points").asInt()).isEqualTo(15);
        assertThat(registered.path("missingDetails")).isEmpty();

        assertThat(post(other, product("EF-40-F2.8-STM", serial, p -> {})).status())
                .as("taken while registered")
                .isEqualTo(409);

        HttpTestClient.Response deleted = delete(account, productId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        JsonNode deregistered = payload(awaitPublished(productId, "cps.product.ProductDeregistered.v1"));
        assertThat(deregistered.path("points").asInt()).isEqualTo(15);
        assertThat(deregistered.path("complete").asBoolean())
                .as("its points had counted")
                .isTrue();
        awaitProducts(account, List::isEmpty);
        assertThat(delete(account, productId).status()).as("gone").isEqualTo(404);
        assertThat(patch(account, productId, Map.of("dealer", "x")).status()).isEqualTo(404);

        assertThat(post(other, product("EF-40-F2.8-STM", serial, p -> {})).status())
                .as("free again after deregistration")
                .isEqualTo(201);
    }

    // ---- one account per serial number -------------------------------------------------------------------------

    @Test
    void serialAlreadyRegistered_byAnyAccount_inAnyNotation_isAConflict_andChangesNothing() {
        String account = newAccount();
        String other = newAccount();
        String serial = serial();
        registerComplete(account, "EOS-R5", serial);
        Counts before = counts();

        String respelled = serial.substring(0, 4) + "-" + serial.substring(4, 8) + " " + serial.substring(8);
        for (HttpTestClient.Response again : List.of(
                post(account, product("EOS-R5", serial, p -> {})),
                post(other, product("eos-r5", respelled, p -> {})))) {
            assertProblem(again, 409);
        }

        assertThat(counts()).isEqualTo(before);
        assertThat(post(other, product("EOS-R6", serial, p -> {})).status())
                .as("the same serial number of another model is another product")
                .isEqualTo(201);
    }

    @Test
    void twoAccountsRacingForTheSameSerial_exactlyOneWinsEachTime() throws Exception {
        List<String> accounts = List.of(newAccount(), newAccount());
        int rounds = 6;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String serial = serial();
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> attempts = accounts.stream()
                        .map(account -> CompletableFuture.supplyAsync(
                                () -> {
                                    arrive(start);
                                    return post(account, product("EOS-R3", serial, p -> {}))
                                            .status();
                                },
                                pool))
                        .toList();

                List<Integer> statuses =
                        attempts.stream().map(CompletableFuture::join).sorted().toList();

                assertThat(statuses).as("round %d", round).containsExactly(201, 409);
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM product_serial_claim WHERE model_code = 'EOS-R3' AND serial_key = ?",
                                Long.class,
                                serial))
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(PUBLISHED).untilAsserted(() -> {
            List<JsonNode> all = new ArrayList<>();
            for (String account : accounts) {
                all.addAll(products(account));
            }
            assertThat(all)
                    .as("one registration per serial, over both accounts")
                    .hasSize(rounds);
        });
    }

    // ---- without a serial number -------------------------------------------------------------------------------

    @Test
    void withoutSerial_isIncomplete_unpublished_untilPatchClaimsTheSerial_whichMustBeFree() {
        String account = newAccount();
        String other = newAccount();
        String taken = serial();
        registerComplete(other, "EOS-R6", taken);
        HttpTestClient.Response created = post(account, product("EOS-R6", null, p -> {
            p.put("purchaseDate", "2024-05-02");
            p.put("countryOfPurchase", "GB");
            p.put("dealer", "Wex Photo");
        }));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode registered = created.json();
        String productId = registered.path("productId").asString();
        assertThat(registered.path("complete").asBoolean()).isFalse();
        assertThat(strings(registered.path("missingDetails"))).containsExactly("SERIAL_NUMBER");
        assertThat(registered.path("serialNumber").isNull()).isTrue();
        assertThat(registered.path("earnedPoints").asInt()).isZero();
        JsonNode listed = awaitProducts(account, l -> l.size() == 1).get(0);
        assertThat(listed.path("complete").asBoolean()).isFalse();
        assertThat(strings(listed.path("missingDetails"))).containsExactly("SERIAL_NUMBER");

        // the serial of another account's registration: 409, nothing stored
        Counts before = counts();
        assertProblem(patch(account, productId, Map.of("serialNumber", taken)), 409);
        assertProblem(patch(account, productId, Map.of("serialNumber", "  ")), 400);
        assertThat(counts()).isEqualTo(before);

        String serial = serial();
        HttpTestClient.Response given = patch(account, productId, Map.of("serialNumber", serial));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().path("complete").asBoolean()).isTrue();
        assertThat(given.json().path("serialNumber").asString()).isEqualTo(serial);
        assertThat(counts().claims()).isEqualTo(before.claims() + 1);
        // announced to v1 consumers now, with its serial, and completed
        JsonNode published = payload(awaitPublished(productId, "cps.product.ProductRegistered.v1"));
        assertThat(published.path("serialNumber").asString()).isEqualTo(serial);
        assertThat(published.path("complete").asBoolean()).isTrue();
        assertThat(published.path("registeredAt").asString())
                .isEqualTo(registered.path("registeredAt").asString());
        awaitPublished(productId, "cps.product.ProductDetailsCompleted.v1");
        awaitProducts(
                account,
                l -> l.get(0).path("complete").asBoolean()
                        && l.get(0).path("serialNumber").asString().equals(serial));

        // the same serial again (as typed differently) changes nothing; another one is refused; others cannot take it
        assertThat(patch(account, productId, Map.of("serialNumber", " " + serial + " "))
                        .status())
                .isEqualTo(200);
        assertProblem(patch(account, productId, Map.of("serialNumber", serial())), 400);
        assertProblem(post(newAccount(), product("EOS-R6", serial, p -> {})), 409);
    }

    @Test
    void anIncompleteRegistration_remindsOnce_afterThirtyDays_aCompletedOneDoesNot() {
        String account = newAccount();
        String incomplete = post(account, product("EOS-R7", null, p -> p.put("dealer", "Jessops")))
                .json()
                .path("productId")
                .asString();
        String completed = post(account, product("EOS-R7", null, p -> {}))
                .json()
                .path("productId")
                .asString();
        assertThat(patch(
                                account,
                                completed,
                                Map.of(
                                        "serialNumber",
                                        serial(),
                                        "purchaseDate",
                                        "2024-01-01",
                                        "countryOfPurchase",
                                        "GB",
                                        "dealer",
                                        "Wex"))
                        .status())
                .isEqualTo(200);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        deadlines.fireDue();
        JsonNode reminder = payload(awaitPublished(incomplete, "cps.product.ProductStillIncomplete.v1"));
        assertThat(strings(reminder.path("missingDetails")))
                .containsExactly("SERIAL_NUMBER", "PURCHASE_DATE", "COUNTRY_OF_PURCHASE");
        assertThat(reminder.path("modelName").asString()).isNotBlank();
        assertThat(reminder.path("accountId").asString()).isEqualTo(account);
        deadlines.fireDue();
        assertThat(KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                        .filter(r ->
                                "cps.product.ProductStillIncomplete.v1".equals(KafkaTestClient.header(r, "ce_type")))
                        .map(r -> payload(r).path("productId").asString())
                        .filter(id -> id.equals(incomplete) || id.equals(completed))
                        .toList())
                .containsExactly(incomplete);
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    static Stream<Arguments> badRegistrations() {
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        return Stream.of(
                Arguments.of("unknown model", body("EOS-TOASTER", "12345", Map.of()), "modelCode"),
                Arguments.of("missing model", body(null, "12345", Map.of()), "modelCode"),
                Arguments.of("blank serial", body("EOS-R5", "   ", Map.of()), "serialNumber"),
                Arguments.of("odd serial", body("EOS-R5", "12<b>34", Map.of()), "serialNumber"),
                Arguments.of(
                        "future purchase", body("EOS-R5", "12345", Map.of("purchaseDate", future)), "purchaseDate"),
                Arguments.of(
                        "not a date", body("EOS-R5", "12345", Map.of("purchaseDate", "01/05/2024")), "purchaseDate"),
                Arguments.of(
                        "unknown country",
                        body("EOS-R5", "12345", Map.of("countryOfPurchase", "UK")),
                        "countryOfPurchase"),
                Arguments.of("blank dealer", body("EOS-R5", "12345", Map.of("dealer", " ")), "dealer"),
                Arguments.of(
                        "estimate without value",
                        body("EOS-R5", "12345", Map.of("dealerEstimated", true)),
                        "dealerEstimated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistration_isRefusedWithTheField_andChangesNothing(String why, Map<String, Object> body, String field) {
        String account = newAccount();
        Counts before = counts();

        JsonNode problem = assertProblem(post(account, body), 400);

        assertThat(problem.path("errors").findValuesAsString("field")).contains(field);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void badPatch_isRefused_andChangesNothing() {
        String account = newAccount();
        String productId = post(account, product("EOS-R8", serial(), p -> {}))
                .json()
                .path("productId")
                .asString();
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        Counts before = counts();

        assertProblem(patch(account, productId, Map.of("purchaseDate", future)), 400);
        assertProblem(patch(account, productId, Map.of("countryOfPurchase", "XX")), 400);
        assertProblem(patch(account, productId, Map.of("purchaseDateEstimated", true)), 400);
        JsonNode fixedSerial = assertProblem(patch(account, productId, Map.of("serialNumber", "999")), 400);
        assertThat(fixedSerial.path("errors").findValuesAsString("field")).containsExactly("serialNumber");
        assertProblem(raw("PATCH", "/api/products/" + productId, "{not json", TestTokens.member(account)), 400);

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anotherAccountsProduct_isNotFound_andStaysUnchanged() {
        String owner = newAccount();
        String stranger = newAccount();
        String productId = post(owner, product("EOS-R10", serial(), p -> {}))
                .json()
                .path("productId")
                .asString();
        awaitProducts(owner, list -> list.size() == 1);
        Counts before = counts();

        assertProblem(patch(stranger, productId, Map.of("dealer", "Mine now")), 404);
        assertProblem(delete(stranger, productId), 404);
        assertProblem(http.get("/api/products/" + productId, TestTokens.member(stranger)), 404);
        assertProblem(patch(stranger, UUID.randomUUID().toString(), Map.of("dealer", "x")), 404);
        assertProblem(patch(stranger, "legacy-migration:" + owner, Map.of("dealer", "x")), 404);
        assertThat(products(stranger)).isEmpty();

        assertThat(counts()).isEqualTo(before);
        assertThat(http.get("/api/products/" + productId, TestTokens.member(owner))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void products_needAMemberToken() {
        assertProblem(http.get("/api/products", null), 401);
        assertProblem(http.get("/api/products", TestTokens.operator()), 400); // an operator names the account
        assertProblem(http.get("/api/products/" + UUID.randomUUID(), TestTokens.operator()), 403);
        assertProblem(http.postJson("/api/products", HttpTestClient.json(product("EOS-R5", "1", p -> {})), null), 401);
    }

    // ---- catalogue -------------------------------------------------------------------------------------------------

    @Test
    void catalogue_isPublic_andListsTheVersionInForce() {
        HttpTestClient.Response catalog = http.get("/api/catalog", null);

        assertThat(catalog.status()).isEqualTo(200);
        List<JsonNode> models = new ArrayList<>();
        catalog.json().forEach(models::add);
        assertThat(models).hasSizeGreaterThanOrEqualTo(40);
        assertThat(models)
                .anySatisfy(m -> {
                    assertThat(m.path("modelCode").asString()).isEqualTo("EOS-5D-MARK-III");
                    assertThat(m.path("name").asString()).isEqualTo("EOS 5D Mark III");
                    assertThat(m.path("category").asString()).isEqualTo("EF_BODY");
                    assertThat(m.path("points").asInt()).isEqualTo(235);
                    assertThat(m.path("pointsSource").asString()).isEqualTo("REAL");
                })
                .anySatisfy(m -> {
                    assertThat(m.path("modelCode").asString()).isEqualTo("EF-40-F2.8-STM");
                    assertThat(m.path("points").asInt()).isEqualTo(15);
                });
    }

    @Test
    void newCatalogueVersion_pricesNewRegistrations_butNeverChangesExistingOnes() {
        String account = newAccount();
        String productId = post(account, product("EOS-5D-MARK-III", serial(), p -> {}))
                .json()
                .path("productId")
                .asString();

        clock.advance(
                Duration.between(Instant.now(), Instant.parse(ProductServiceTest.V2_EFFECTIVE_FROM + "T00:00:01Z")));

        JsonNode catalog = http.get("/api/catalog", null).json();
        assertThat(catalog).hasSize(3);
        assertThat(catalog.get(0).path("points").asInt())
                .as("v2 re-prices the 5D Mark III")
                .isEqualTo(300);
        assertThat(catalog.get(0).path("catalogVersion").asString()).isEqualTo("2090-01");

        HttpTestClient.Response completed = patch(
                account,
                productId,
                Map.of("purchaseDate", "2089-12-24", "countryOfPurchase", "DE", "dealer", "Foto Koch"));
        assertThat(completed.json().path("points").asInt())
                .as("priced when registered")
                .isEqualTo(235);
        assertThat(payload(awaitPublished(productId, "cps.product.ProductDetailsCompleted.v1"))
                        .path("points")
                        .asInt())
                .isEqualTo(235);

        HttpTestClient.Response later = post(newAccount(), product("EOS-5D-MARK-III", serial(), p -> {}));
        assertThat(later.json().path("points").asInt())
                .as("priced by the version in force")
                .isEqualTo(300);
        assertProblem(post(newAccount(), product("EOS-R5", serial(), p -> {})), 400); // not listed in v2
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private record Counts(long events, long claims) {}

    private Counts counts() {
        return new Counts(
                jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM product_serial_claim", Long.class));
    }

    private static String newAccount() {
        return UUID.randomUUID().toString();
    }

    private static String serial() {
        return String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
    }

    private static Map<String, Object> body(String model, String serial, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modelCode", model);
        body.put("serialNumber", serial);
        body.putAll(details);
        return body;
    }

    private static Map<String, Object> product(String model, String serial, Consumer<Map<String, Object>> details) {
        Map<String, Object> body = body(model, serial, Map.of());
        details.accept(body);
        return body;
    }

    // ---- operators read a member's products (ADR 19) -------------------------------------------------------------

    @Test
    void anyOperator_readsAMembersProducts_aMemberNeverAnothers_andAnOperatorMustNameTheAccount() {
        String account = newAccount();
        registerComplete(account, "EOS-5D-MARK-III", serial());
        awaitProducts(account, list -> list.size() == 1);
        JsonNode member = http.get("/api/products", TestTokens.member(account)).json();
        String reader = TestTokens.operator("reader@cps.local");

        HttpTestClient.Response read = http.get("/api/products?accountId=" + account, reader);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).as("exactly what the member gets").isEqualTo(member);
        HttpTestClient.Response unknown = http.get("/api/products?accountId=" + newAccount(), reader);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
        assertThat(unknown.json()).as("as a new member's").isEmpty();

        HttpTestClient.Response other = http.get("/api/products?accountId=" + account, TestTokens.member(newAccount()));
        assertThat(assertProblem(other, 403).toString()).doesNotContain("EOS");
        assertProblem(http.get("/api/products?accountId=" + account, TestTokens.member(account)), 403);

        JsonNode missing = assertProblem(http.get("/api/products", reader), 400);
        assertThat(missing.path("detail").asString()).contains("accountId");
        JsonNode malformed = assertProblem(http.get("/api/products?accountId=not-an-account", reader), 400);
        assertThat(malformed.path("detail").asString()).contains("accountId");
    }

    private String registerComplete(String account, String model, String serial) {
        HttpTestClient.Response created = post(account, product(model, serial, p -> {
            p.put("purchaseDate", "2023-02-03");
            p.put("countryOfPurchase", "DE");
            p.put("dealer", "Calumet Hamburg");
        }));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("complete").asBoolean()).isTrue();
        return created.json().path("productId").asString();
    }

    private HttpTestClient.Response post(String account, Map<String, Object> body) {
        return http.postJson("/api/products", HttpTestClient.json(body), TestTokens.member(account));
    }

    private HttpTestClient.Response patch(String account, String productId, Map<String, Object> body) {
        return raw("PATCH", "/api/products/" + productId, HttpTestClient.json(body), TestTokens.member(account));
    }

    private HttpTestClient.Response delete(String account, String productId) {
        return raw("DELETE", "/api/products/" + productId, null, TestTokens.member(account));
    }

    private HttpTestClient.Response raw(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> r =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpTestClient.Response(
                    r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> products(String account) {
        HttpTestClient.Response response = http.get("/api/products", TestTokens.member(account));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }

    private List<JsonNode> awaitProducts(String account, java.util.function.Predicate<List<JsonNode>> until) {
        return await().atMost(PUBLISHED).until(() -> products(account), until);
    }

    private static ConsumerRecord<String, byte[]> awaitPublished(String productId, String type) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                TOPIC,
                r -> type.equals(KafkaTestClient.header(r, "ce_type"))
                        && productId.equals(payload(r).path("productId").asString()),
                PUBLISHED);
        assertThat(seen).as("%s of %s on %s", type, productId, TOPIC).isNotEmpty();
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(KafkaTestClient.header(last, "ce_type")).isEqualTo(type);
        return last;
    }

    private static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
