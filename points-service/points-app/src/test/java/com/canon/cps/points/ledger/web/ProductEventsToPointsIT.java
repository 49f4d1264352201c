package com.canon.cps.points.ledger.web;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.points.PointsServiceTest;
import com.canon.cps.product.contract.ProductDeregistered;
import com.canon.cps.product.contract.ProductDetailsCompleted;
import com.canon.cps.product.contract.ProductRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * points-service consuming {@code cps.product.events} through the real broker (records as product-service publishes
 * them, CloudEvents headers): balances from complete products only, duplicates and re-ordering never count twice,
 * {@code PointsBalanceChanged} on every change and {@code PointsThresholdReached} exactly once on
 * {@code cps.points.events}, and a replay of the projection gives the same balances.
 */
@PointsServiceTest
class ProductEventsToPointsIT {

    private static final String PRODUCTS = "cps.product.events";
    private static final String POINTS = "cps.points.events";
    private static final String BALANCE_CHANGED = "cps.points.PointsBalanceChanged.v1";
    private static final String THRESHOLD = "cps.points.PointsThresholdReached.v1";
    private static final Duration SETTLED = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void incompleteProductsEarnNothing_completingAdds_deregisteringRemoves() {
        String account = account();
        String camera = product();
        String lens = product();

        registered(account, camera, "EOS-5D-MARK-III", 235, false);
        registered(account, lens, "EF-40-F2.8-STM", 15, true);
        // the balance and the per-product documents are separate single-document writes: wait for both
        JsonNode first = awaitPoints(
                account,
                p -> p.path("products").size() == 2 && p.path("balance").asInt() == 15);
        assertThat(first.path("balance").asInt())
                .as("only the complete lens counts")
                .isEqualTo(15);
        assertThat(first.path("invited").asBoolean()).isFalse();
        assertThat(product(first, camera).path("counted").asBoolean()).isFalse();
        assertThat(product(first, camera).path("points").asInt()).isEqualTo(235);
        assertThat(product(first, lens).path("counted").asBoolean()).isTrue();

        completed(account, camera, "EOS-5D-MARK-III", 235);
        assertThat(awaitBalance(account, 250).path("completeProductCount").asInt())
                .isEqualTo(2);

        deregistered(account, lens, "EF-40-F2.8-STM", 15, true);
        JsonNode last = awaitBalance(account, 235);
        assertThat(last.path("products")).hasSize(1);
        assertThat(product(last, camera).path("counted").asBoolean()).isTrue();

        assertThat(balancesPublished(account, 235)).containsExactly(15, 250, 235);
    }

    @Test
    void history_listsEveryChangeOfTheBalance_newestFirst_withItsReason_andThePublishedChangesSayTheSame() {
        String account = account();
        String camera = product();
        String lens = product();
        String migrated = product();

        registered(account, camera, "EOS-5D-MARK-III", 235, false);
        registered(account, lens, "EF-40-F2.8-STM", 15, true);
        completed(account, camera, "EOS-5D-MARK-III", 235);
        send(
                account,
                UUID.randomUUID().toString(),
                ProductRegistered.TYPE,
                new ProductRegistered(account, migrated, "EOS-R5", "SN-M", 250, true, List.of(), true, AT));
        deregistered(account, lens, "EF-40-F2.8-STM", 15, true);
        awaitBalance(account, 485);

        JsonNode history = await().atMost(SETTLED).until(() -> get("/api/points/history", account), h -> h.size() == 4);
        assertThat(history.get(0).path("reason").asString()).isEqualTo("PRODUCT_DEREGISTERED");
        assertThat(history.get(0).path("change").asInt()).isEqualTo(-15);
        assertThat(history.get(0).path("balance").asInt()).isEqualTo(485);
        assertThat(history.get(0).path("registrationId").asString()).isEqualTo(lens);
        assertThat(history.get(1).path("reason").asString()).isEqualTo("PRODUCTS_MIGRATED");
        assertThat(history.get(1).path("change").asInt()).isEqualTo(250);
        assertThat(history.get(1).path("registrationId").asString()).isEqualTo(migrated);
        assertThat(history.get(2).path("reason").asString()).isEqualTo("PRODUCT_COMPLETED");
        assertThat(history.get(2).path("change").asInt()).isEqualTo(235);
        assertThat(history.get(2).path("balance").asInt()).isEqualTo(250);
        assertThat(history.get(2).path("modelCode").asString()).isEqualTo("EOS-5D-MARK-III");
        assertThat(history.get(3).path("reason").asString()).isEqualTo("PRODUCT_REGISTERED");
        assertThat(history.get(3).path("change").asInt()).isEqualTo(15);
        assertThat(history.get(3).path("balance").asInt()).isEqualTo(15);
        assertThat(history.get(3).path("at").asString()).isNotBlank();

        List<String> reasons = new java.util.ArrayList<>();
        publishedFor(account, 485).stream()
                .filter(r -> BALANCE_CHANGED.equals(KafkaTestClient.header(r, "ce_type")))
                .forEach(
                        r -> reasons.add(JSON.readTree(r.value()).path("reason").asString()));
        assertThat(reasons)
                .containsExactly(
                        "PRODUCT_REGISTERED", "PRODUCT_COMPLETED", "PRODUCTS_MIGRATED", "PRODUCT_DEREGISTERED");

        assertThat(get("/api/points/history", account()).size()).isZero();
        assertThat(http.get("/api/points/history", null).status()).isEqualTo(401);
    }

    private JsonNode get(String path, String account) {
        HttpTestClient.Response r = http.get(path, TestTokens.member(account));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void duplicatedRedeliveredAndReorderedEvents_neverCountTwice() {
        String account = account();
        String kept = product();
        String dropped = product();
        String completedId = UUID.randomUUID().toString();

        // completion overtakes its registration; then everything again, re-published under new ids and redelivered
        completed(account, kept, "EOS-R5", 280, completedId);
        registered(account, kept, "EOS-R5", 280, false);
        completed(account, kept, "EOS-R5", 280, completedId);
        completed(account, kept, "EOS-R5", 280);
        registered(account, kept, "EOS-R5", 280, true);
        // deregistered first, then its late registration and completion
        deregistered(account, dropped, "RF-24-70-F2.8L-IS-USM", 150, true);
        registered(account, dropped, "RF-24-70-F2.8L-IS-USM", 150, true);
        completed(account, dropped, "RF-24-70-F2.8L-IS-USM", 150);
        deregistered(account, dropped, "RF-24-70-F2.8L-IS-USM", 150, true);
        // a last, ordinary product: once it shows, everything before it (same key, same partition) was handled
        String marker = product();
        registered(account, marker, "EF-50-F1.8-STM", 10, true);

        JsonNode points = awaitBalance(account, 290);
        assertThat(points.path("products")).hasSize(2);
        assertThat(product(points, kept).path("counted").asBoolean()).isTrue();
        assertThat(product(points, dropped).isMissingNode()).as("deregistered").isTrue();
        assertThat(balancesPublished(account, 290)).containsExactly(280, 290);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_message WHERE consumer = 'productEvents' AND message_id = ?",
                        Long.class,
                        completedId))
                .isEqualTo(1);
    }

    @Test
    void thresholdIsReachedExactlyOnce_evenWhenTheBalanceFallsAndRisesAgain() {
        String account = account();
        String a = product();
        String b = product();
        String c = product();
        String d = product();

        registered(account, a, "EOS-R3", 200, true);
        registered(account, b, "EOS-R3", 200, true);
        registered(account, c, "EOS-R5", 100, false);
        awaitPoints(account, p -> p.path("products").size() == 3);
        completed(account, c, "EOS-R5", 100); // 500: the threshold
        awaitPoints(
                account,
                p -> p.path("balance").asInt() == 500 && p.path("invited").asBoolean());

        deregistered(account, a, "EOS-R3", 200, true); // 300
        registered(account, d, "EOS-R3", 200, true); // 500 again
        String marker = product();
        registered(account, marker, "EF-50-F1.8-STM", 10, true); // 510

        JsonNode last = awaitBalance(account, 510);
        assertThat(last.path("invited").asBoolean()).as("not withdrawn").isTrue();
        assertThat(last.path("completeProductCount").asInt()).isEqualTo(4);
        List<ConsumerRecord<String, byte[]>> published = publishedFor(account, 510);
        assertThat(balances(published)).containsExactly(200, 400, 500, 300, 500, 510);
        List<JsonNode> thresholds = published.stream()
                .filter(r -> THRESHOLD.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> JSON.readTree(r.value()))
                .toList();
        assertThat(thresholds).hasSize(1);
        assertThat(thresholds.get(0).path("threshold").asInt()).isEqualTo(500);
        assertThat(thresholds.get(0).path("balance").asInt()).isEqualTo(500);
        assertThat(thresholds.get(0).path("accountId").asString()).isEqualTo(account);
        assertThat(types(published).indexOf(THRESHOLD))
                .as("the threshold follows the balance change that reached it")
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, account))
                .as(
                        "a ledger of 8 events, snapshotted every %d: later commands loaded it from a snapshot",
                        PointsServiceTest.SNAPSHOT_EVERY)
                .isPositive();
        String snapshot = new String(
                jdbc.queryForObject(
                        "SELECT payload FROM snapshotevententry WHERE aggregateidentifier = ?"
                                + " ORDER BY sequencenumber DESC LIMIT 1",
                        byte[].class,
                        account),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(snapshot)
                .as("the snapshot holds the whole ledger, so a ledger loaded from it never counts twice")
                .contains("\"thresholdReached\":true", "\"" + b + "\"", "\"COUNTED\"");
    }

    @Test
    void replayingTheProjection_givesTheSameBalances() {
        String account = account();
        String a = product();
        String b = product();
        registered(account, a, "EOS-C70", 250, true);
        registered(account, b, "EOS-C80", 280, false);
        deregistered(account, a, "EOS-C70", 250, true);
        completed(account, b, "EOS-C80", 280);
        JsonNode before = awaitBalance(account, 280);
        Map<String, JsonNode> allBefore = allBalances();

        replay(false);
        assertThat(allBalances()).as("replayed into the existing documents").isEqualTo(allBefore);

        replay(true);
        await().atMost(SETTLED).untilAsserted(() -> assertThat(allBalances()).isEqualTo(allBefore));
        assertThat(points(account)).isEqualTo(before);
    }

    @Test
    void points_needAMemberToken_andAnAccountWithoutProductsHasNone() {
        assertThat(http.get("/api/points", null).status()).isEqualTo(401);
        assertThat(http.get("/api/points", TestTokens.operator()).status())
                .as("an operator names the account")
                .isEqualTo(400);

        JsonNode none = points(account());

        assertThat(none.path("balance").asInt()).isZero();
        assertThat(none.path("invited").asBoolean()).isFalse();
        assertThat(none.path("products")).isEmpty();
    }

    @Test
    void anyOperator_readsAMembersPointsAndHistory_aMemberNeverAnothers_andAnOperatorMustNameTheAccount() {
        String account = account();
        String lens = product();
        registered(account, lens, "EF-40-F2.8-STM", 15, true);
        awaitBalance(account, 15);
        await().atMost(SETTLED).until(() -> get("/api/points/history", account), h -> h.size() == 1);
        String reader = TestTokens.operator("reader@cps.local");

        for (String path : List.of("/api/points", "/api/points/history")) {
            JsonNode member = get(path, account);
            HttpTestClient.Response read = http.get(path + "?accountId=" + account, reader);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json()).as("%s: exactly what the member gets", path).isEqualTo(member);
            HttpTestClient.Response unknown = http.get(path + "?accountId=" + account(), reader);
            assertThat(unknown.json()).as("%s: as a new member's", path).isEqualTo(get(path, account()));

            HttpTestClient.Response other = http.get(path + "?accountId=" + account, TestTokens.member(account()));
            assertThat(assertProblem(other, 403).toString()).doesNotContain(lens);
            assertProblem(http.get(path + "?accountId=" + account, TestTokens.member(account)), 403);

            assertThat(assertProblem(http.get(path, reader), 400).path("detail").asString())
                    .contains("accountId");
            assertThat(assertProblem(http.get(path + "?accountId=12345", reader), 400)
                            .path("detail")
                            .asString())
                    .contains("accountId");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Resets the projection's tokens and lets it replay the whole event store (optionally into an empty store). */
    private void replay(boolean fromEmpty) {
        StreamingEventProcessor processor = processing
                .eventProcessor("points-balances", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        if (fromEmpty) {
            mongo.dropCollection("points_balances");
            mongo.dropCollection("points_products");
        }
        long head = eventStore.createHeadToken().position().orElseThrow();
        processor.resetTokens();
        processor.start();
        // a replay token stays "replaying" until an event after the reset arrives, so wait for the head instead
        await().atMost(SETTLED)
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(s ->
                                        s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head));
    }

    private Map<String, JsonNode> allBalances() {
        Map<String, JsonNode> all = new TreeMap<>();
        for (org.bson.Document d : mongo.findAll(org.bson.Document.class, "points_balances")) {
            all.put(d.getString("_id"), JSON.readTree(d.toJson()));
        }
        for (org.bson.Document d : mongo.findAll(org.bson.Document.class, "points_products")) {
            all.put(d.getString("_id"), JSON.readTree(d.toJson()));
        }
        return all;
    }

    private static void registered(String account, String productId, String model, int points, boolean complete) {
        send(
                account,
                UUID.randomUUID().toString(),
                ProductRegistered.TYPE,
                new ProductRegistered(
                        account,
                        productId,
                        model,
                        "SN-" + productId.substring(0, 8),
                        points,
                        complete,
                        complete ? List.of() : List.of("COUNTRY_OF_PURCHASE", "DEALER"),
                        false,
                        AT));
    }

    private static void completed(String account, String productId, String model, int points) {
        completed(account, productId, model, points, UUID.randomUUID().toString());
    }

    private static void completed(String account, String productId, String model, int points, String ceId) {
        send(
                account,
                ceId,
                ProductDetailsCompleted.TYPE,
                new ProductDetailsCompleted(account, productId, model, points, true, AT));
    }

    private static void deregistered(String account, String productId, String model, int points, boolean complete) {
        send(
                account,
                UUID.randomUUID().toString(),
                ProductDeregistered.TYPE,
                new ProductDeregistered(account, productId, model, points, complete, AT));
    }

    private static void send(String account, String ceId, String type, Object payload) {
        KafkaTestClient.send(PRODUCTS, account, ceId, type, HttpTestClient.json(payload));
    }

    private JsonNode points(String account) {
        HttpTestClient.Response response = http.get("/api/points", TestTokens.member(account));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitPoints(String account, Predicate<JsonNode> until) {
        return await().atMost(SETTLED).until(() -> points(account), until);
    }

    private JsonNode awaitBalance(String account, int balance) {
        return awaitPoints(account, p -> p.path("balance").asInt() == balance);
    }

    private static JsonNode product(JsonNode points, String productId) {
        for (JsonNode p : points.path("products")) {
            if (p.path("productId").asString().equals(productId)) {
                return p;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    /** The account's records on cps.points.events, up to the balance change to {@code finalBalance}. */
    private static List<ConsumerRecord<String, byte[]>> publishedFor(String account, int finalBalance) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                POINTS,
                r -> account.equals(r.key())
                        && BALANCE_CHANGED.equals(KafkaTestClient.header(r, "ce_type"))
                        && JSON.readTree(r.value()).path("balance").asInt() == finalBalance,
                SETTLED);
        return seen.stream().filter(r -> account.equals(r.key())).toList();
    }

    private static List<Integer> balancesPublished(String account, int finalBalance) {
        return balances(publishedFor(account, finalBalance));
    }

    private static List<Integer> balances(List<ConsumerRecord<String, byte[]>> records) {
        List<Integer> balances = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (BALANCE_CHANGED.equals(KafkaTestClient.header(r, "ce_type"))) {
                balances.add(JSON.readTree(r.value()).path("balance").asInt());
            }
        }
        return balances;
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
    }

    private static String account() {
        return UUID.randomUUID().toString();
    }

    private static String product() {
        return UUID.randomUUID().toString();
    }
}
