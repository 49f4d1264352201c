package com.canon.cps.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.sample.card.domain.ActivateCard;
import com.canon.cps.sample.card.domain.IssueCard;
import com.canon.cps.sample.card.domain.RecordPoints;
import com.canon.cps.sample.card.query.CardView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding the {@code cards} projection of the sample service from the event store through the operators' API, on the real
 * embedded servers: under live traffic reads never fail, nothing is lost across the switch, the rebuilt collection
 * equals the one the live processor built, no side effect (Kafka record, command) repeats; a cancelled
 * rebuild leaves the active version untouched and its half-built collection gone.
 */
@SampleServiceTest
class ProjectionRebuildIT {

    private static final String PROJECTION = "cards";
    private static final String ADMIN = "/admin/projections/";
    private static final String TOPIC = "cps.sample.events";
    private static final Duration WAIT = Duration.ofSeconds(60);

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
    private final String operator = TestTokens.operator();

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void operatorsOnly_andOnlyProjections() {
        String member = TestTokens.member(UUID.randomUUID().toString());
        assertThat(http.get("/admin/projections", null).status()).isEqualTo(401);
        assertThat(http.get("/admin/projections", member).status()).isEqualTo(403);
        assertThat(http.post(ADMIN + PROJECTION + "/rebuild", "application/json", "", member)
                        .status())
                .isEqualTo(403);
        assertThat(http.delete(ADMIN + PROJECTION + "/rebuild", member).status())
                .isEqualTo(403);
        assertThat(http.post(ADMIN + PROJECTION + "/rebuild", "application/json", "", null)
                        .status())
                .isEqualTo(401);
        for (String notAProjection : List.of("no-such-projection", "kafka-publisher")) {
            HttpTestClient.Response r =
                    http.post(ADMIN + notAProjection + "/rebuild", "application/json", "", operator);
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(http.get(ADMIN + notAProjection + "/rebuild", operator).status())
                    .isEqualTo(404);
        }
        assertThat(http.post(ADMIN + PROJECTION + "/rebuild?maxRate=0", "application/json", "", operator)
                        .status())
                .isEqualTo(400);

        JsonNode list = http.get("/admin/projections", operator).json();
        assertThat(list.findValuesAsString("name")).containsExactly(PROJECTION);
        JsonNode cards = list.get(0);
        assertThat(cards.path("status").asString()).isEqualTo("RUNNING");
        assertThat(cards.path("activeVersion").asInt()).isPositive();
        assertThat(cards.path("head").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(cards.has("position")).isTrue();
        assertThat(cards.has("lag")).isTrue();
    }

    @Test
    void rebuildUnderLiveTraffic_readsNeverFail_nothingIsLost_andNoSideEffectRepeats() throws Exception {
        Map<String, String> seeded = seed(150, 6);
        Map<String, Document> before = documents(seeded.keySet());
        long recordsBefore = records(seeded.keySet());
        long eventsBefore = storedEvents(seeded.keySet());
        int from = activeVersion();

        AtomicBoolean running = new AtomicBoolean(true);
        List<String> live = Collections.synchronizedList(new ArrayList<>());
        Thread traffic = new Thread(() -> {
            while (running.get()) {
                String account = UUID.randomUUID().toString();
                issue(account, 700);
                live.add(account);
                pace(25); // a card every 25 ms, not a wait for a condition
            }
        });
        List<String> readFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        List<String> accounts = new ArrayList<>(seeded.keySet());
        Thread reader = new Thread(() -> {
            while (running.get()) {
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                HttpTestClient.Response r = http.get("/api/card", TestTokens.member(account));
                reads.incrementAndGet();
                if (r.status() != 200
                        || !seeded.get(account).equals(r.json().path("status").asString())) {
                    readFailures.add(account + " -> " + r.status() + " " + r.body());
                }
            }
        });
        traffic.start();
        reader.start();
        try {
            HttpTestClient.Response started =
                    http.post(ADMIN + PROJECTION + "/rebuild?maxRate=300", "application/json", "", operator);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().path("status").asString()).isEqualTo("RUNNING");
            assertThat(started.json().path("fromVersion").asInt()).isEqualTo(from);
            int to = started.json().path("toVersion").asInt();
            assertThat(to).isGreaterThan(from);

            HttpTestClient.Response again =
                    http.post(ADMIN + PROJECTION + "/rebuild", "application/json", "", operator);
            assertThat(again.status()).as(again.body()).isEqualTo(409);

            JsonNode running1 = await().atMost(WAIT)
                    .until(this::rebuildStatus, s -> s.path("processed").asLong() > 0);
            assertThat(running1.path("status").asString()).isIn("RUNNING", "CAUGHT_UP");
            assertThat(running1.path("total").asLong())
                    .isGreaterThanOrEqualTo(running1.path("processed").asLong());
            assertThat(projection().path("activeVersion").asInt())
                    .as("old version serves until the switch")
                    .isEqualTo(from);
            assertThat(projection().path("rebuild").asString()).isIn("RUNNING", "CAUGHT_UP");

            JsonNode done = await().atMost(WAIT)
                    .until(
                            this::rebuildStatus,
                            s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
            assertThat(done.path("processed").asLong())
                    .isEqualTo(done.path("total").asLong());
            assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
            assertThat(activeVersion()).isEqualTo(to);
            assertThat(projection().path("collections").get(0).asString()).isEqualTo("cards_v" + to);

            // live traffic goes on into the new version
            int atSwitch = live.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> live.size() >= atSwitch + 10);
        } finally {
            running.set(false);
            traffic.join();
            reader.join();
        }
        assertThat(readFailures).as("reads during the rebuild").isEmpty();
        assertThat(reads.get()).isGreaterThan(20);

        // nothing lost across the switch: every card issued during the rebuild shows up
        for (String account : live) {
            await().atMost(WAIT)
                    .until(() -> http.get("/api/card", TestTokens.member(account))
                            .json()
                            .path("status")
                            .asString()
                            .equals("ISSUED"));
        }
        // the rebuilt documents are exactly those the live processor had built
        assertThat(documents(seeded.keySet())).isEqualTo(before);
        // the old version goes once no instance can still be reading it
        await().atMost(WAIT).until(() -> !mongo.collectionExists(Projections.physical(CardView.COLLECTION, from)));

        // no side effect repeated: no record published again, no command re-sent
        assertThat(records(seeded.keySet())).isEqualTo(recordsBefore);
        assertThat(storedEvents(seeded.keySet())).isEqualTo(eventsBefore);
        List<ConsumerRecord<String, byte[]>> all = KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3));
        Set<String> liveSet = Set.copyOf(live);
        Map<String, Long> issuedPerLiveAccount = all.stream()
                .filter(r -> liveSet.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(issuedPerLiveAccount.values()).allMatch(n -> n == 1);

        // rebuilt twice, from scratch each time: identical collections (live traffic has stopped)
        await().atMost(WAIT).until(() -> projection().path("lag").asLong() == 0);
        Map<String, Document> first = allDocuments();
        HttpTestClient.Response second = http.post(ADMIN + PROJECTION + "/rebuild", "application/json", "", operator);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        JsonNode secondDone = await().atMost(WAIT)
                .until(this::rebuildStatus, s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(secondDone.path("status").asString())
                .as(secondDone.toString())
                .isEqualTo("SWITCHED");
        assertThat(allDocuments()).isEqualTo(first);
    }

    @Test
    void cancelMidway_dropsTheHalfBuiltVersion_andLeavesTheActiveOneUntouched() {
        Map<String, String> seeded = seed(100, 0);
        int active = activeVersion();
        Map<String, Document> before = documents(seeded.keySet());

        // rebuilds are for ADMINs (ADR 19): a reviewer starts nothing
        String reviewer = TestTokens.operator("rita.reviewer@cps.local", "REVIEWER");
        assertThat(http.post(ADMIN + PROJECTION + "/rebuild?maxRate=50", "application/json", "", reviewer)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/admin/audit?subject=" + PROJECTION + "&operator=rita.reviewer@cps.local", reviewer)
                        .json())
                .isEmpty();
        String admin = TestTokens.operator("ada.admin@cps.local", "ADMIN");

        HttpTestClient.Response started =
                http.post(ADMIN + PROJECTION + "/rebuild?maxRate=50", "application/json", "", admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int to = started.json().path("toVersion").asInt();
        String halfBuilt = Projections.physical(CardView.COLLECTION, to);
        await().atMost(WAIT).until(() -> rebuildStatus().path("processed").asLong() > 0);
        assertThat(mongo.collectionExists(halfBuilt)).isTrue();
        assertThat(prometheus()).contains("cps_projection_rebuild_processed{").contains("projection=\"cards\"");

        assertThat(http.delete(ADMIN + PROJECTION + "/rebuild", reviewer).status())
                .isEqualTo(403);
        HttpTestClient.Response cancelled = http.delete(ADMIN + PROJECTION + "/rebuild", admin);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");

        // both in the audit trail with who, and the latest on the projection itself
        JsonNode trail = http.get("/admin/audit?subject=" + PROJECTION + "&operator=ada.admin@cps.local", reviewer)
                .json();
        assertThat(trail.get(0).path("action").asString()).isEqualTo("PROJECTION_REBUILD_CANCELLED");
        assertThat(trail.get(1).path("action").asString()).isEqualTo("PROJECTION_REBUILD_STARTED");
        assertThat(trail.get(1).path("details").path("toVersion").asInt()).isEqualTo(to);
        assertThat(trail.get(1).path("operatorEmail").asString()).isEqualTo("ada.admin@cps.local");
        assertThat(trail.get(1).path("service").asString()).isEqualTo("sample");
        JsonNode last = http.get("/admin/projections", reviewer).json().get(0).path("lastOperatorAction");
        assertThat(last.path("action").asString()).isEqualTo("PROJECTION_REBUILD_CANCELLED");
        assertThat(last.path("operatorEmail").asString()).isEqualTo("ada.admin@cps.local");

        assertThat(rebuildStatus().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(activeVersion()).isEqualTo(active);
        assertThat(mongo.collectionExists(halfBuilt))
                .as("half-built version dropped")
                .isFalse();
        assertThat(documents(seeded.keySet())).isEqualTo(before);
        seeded.forEach((account, status) -> assertThat(http.get("/api/card", TestTokens.member(account))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo(status));
        // and it stays gone: the run does not write after the cancel
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !mongo.collectionExists(halfBuilt));
        assertThat(http.delete(ADMIN + PROJECTION + "/rebuild", operator).status())
                .isEqualTo(409);
    }

    @Test
    void abandonedRebuild_isTakenOverByAnotherInstance_andResumedFromItsPosition() {
        seed(30, 0);
        await().atMost(WAIT).until(() -> projection().path("lag").asLong() == 0);
        await().atMost(WAIT)
                .until(() -> !projection().path("rebuild").asString().matches("RUNNING|CAUGHT_UP"));
        Map<String, Document> before = allDocuments();
        int from = activeVersion();
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        int to = jdbc.queryForObject(
                "UPDATE projection_version SET last_version = last_version + 1 WHERE name = ? RETURNING last_version",
                Integer.class,
                PROJECTION);
        // a dead instance had written its batches up to the head, but stored its position 100 events earlier
        String target = Projections.physical(CardView.COLLECTION, to);
        before.values().forEach(d -> mongo.insert(new Document(d), target));
        jdbc.update("DELETE FROM projection_rebuild WHERE name = ?", PROJECTION);
        jdbc.update(
                "INSERT INTO projection_rebuild (name, from_version, to_version, status, processed, total, position,"
                        + " owner, heartbeat_at, started_at) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, 'dead-instance',"
                        + " now() - interval '1 hour', now() - interval '1 hour')",
                PROJECTION,
                from,
                to,
                head - 100,
                head,
                head - 100);

        JsonNode done = await().atMost(WAIT)
                .until(this::rebuildStatus, s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
        assertThat(done.path("processed").asLong()).isGreaterThan(head - 100);
        assertThat(activeVersion()).isEqualTo(to);
        assertThat(allDocuments()).isEqualTo(before);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** Accounts with a card issued, {@code active} of them activated; account → expected card status. */
    private Map<String, String> seed(int issued, int active) {
        Map<String, String> accounts = new ConcurrentHashMap<>();
        IntStream.range(0, issued).forEach(i -> {
            String account = UUID.randomUUID().toString();
            issue(account, 600 + i);
            accounts.put(account, "ISSUED");
        });
        await().atMost(WAIT)
                .until(() -> mongo.count(
                                Query.query(Criteria.where("_id")
                                        .in(accounts.keySet())
                                        .and("status")
                                        .is("ISSUED")),
                                projections.collection(CardView.class))
                        == accounts.size());
        accounts.keySet().stream().limit(active).toList().forEach(account -> {
            commands.sendAndWait(new ActivateCard(account, "SILVER", true));
            accounts.put(account, "ACTIVE");
        });
        // every card issued and activated is on the topic before the test counts records (the publisher lags on a
        // loaded machine)
        await().atMost(WAIT).until(() -> records(accounts.keySet()) >= issued + active);
        accounts.forEach((account, status) -> await().atMost(WAIT)
                .until(() -> http.get("/api/card", TestTokens.member(account))
                        .json()
                        .path("status")
                        .asString()
                        .equals(status)));
        return accounts;
    }

    private JsonNode rebuildStatus() {
        HttpTestClient.Response r = http.get(ADMIN + PROJECTION + "/rebuild", operator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode projection() {
        HttpTestClient.Response r = http.get("/admin/projections", operator);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0);
    }

    private int activeVersion() {
        return projection().path("activeVersion").asInt();
    }

    private Map<String, Document> documents(Set<String> accounts) {
        return toMap(mongo.find(
                Query.query(Criteria.where("_id").in(accounts)),
                Document.class,
                projections.collection(CardView.class)));
    }

    private Map<String, Document> allDocuments() {
        return toMap(mongo.findAll(Document.class, projections.collection(CardView.class)));
    }

    private static Map<String, Document> toMap(List<Document> documents) {
        Map<String, Document> byId = new TreeMap<>();
        documents.forEach(d -> byId.put(d.getString("_id"), d));
        return byId;
    }

    private static long records(Set<String> accounts) {
        return KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> accounts.contains(r.key()))
                .count();
    }

    private long storedEvents(Set<String> accounts) {
        return new NamedParameterJdbcTemplate(jdbc)
                .queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:ids)",
                        new MapSqlParameterSource("ids", accounts),
                        Long.class);
    }

    private void issue(String account, int points) {
        commands.sendAndWait(new RecordPoints(account, points));
        commands.sendAndWait(new IssueCard(account));
    }

    private String prometheus() {
        return http.get("/actuator/prometheus", TestTokens.operator()).body();
    }

    private static void pace(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
