package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.test.HttpTestClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rights of access and erasure end to end (issue 16, ADR 23 and 24): a member downloads everything held about
 * the account ({@code GET /api/accounts/me/export}); then the member with products, a membership and an invoice is
 * erased by an operator; afterwards every projection of every service is rebuilt from the events, which still read,
 * and no read model, no table and no contract event published since holds the member's name, e-mail address, company
 * name or street, except the issued invoice, which keeps what tax law requires (buyer name and address) for its
 * retention period. The raw event tables never held any of them in clear.
 */
class ErasureJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> SERVICES =
            List.of("account", "verification", "product", "points", "membership", "billing", "notification");

    private final LocalPlatform platform = SharedPlatform.get();
    private final HttpTestClient http = SharedPlatform.http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String contactName = "Erika Vergessen " + run;
    private final String email = "erasure-" + run + "@lumen.example";
    private final String company = "Vergessen " + run + " Ltd";
    private final String street = run + " Forget Street";

    @Test
    void exportedThenErased_goneFromEveryProjectionRebuiltFromTheEventsAndFromEveryEventPublishedSince()
            throws Exception {
        Map<String, Object> application = new HashMap<>(Applications.gbVatLiable(company, email));
        application.put("contactName", contactName);
        application.put(
                "address", Map.of("line1", street, "postalCode", "SW1A 1AA", "city", "London", "country", "GB"));
        String token = Journeys.verifiedMember(application, email);
        String accountId =
                ok(http.get("/api/accounts/me", token)).path("accountId").asString();
        for (String model : List.of("EOS-R5-MARK-II", "EOS-R5")) {
            HttpTestClient.Response product = http.postJson(
                    "/api/products",
                    HttpTestClient.json(Map.of(
                            "modelCode", model,
                            "serialNumber", model + "-" + run,
                            "purchaseDate", "2025-06-01",
                            "countryOfPurchase", "GB",
                            "dealer", "Wex Photo")),
                    token);
            assertThat(product.status()).as(product.body()).isEqualTo(201);
        }
        await().atMost(WAIT)
                .until(
                        () -> ok(http.get("/api/membership", token))
                                .path("status")
                                .asString(),
                        "INVITED"::equals);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("tier", "SILVER");
        order.put("autoRenew", true);
        order.put("termsAccepted", true);
        order.put("termsVersion", "2024-01");
        order.put("paymentMethod", "BANK_TRANSFER");
        order.put("purchaseOrderNumber", "PO " + contactName);
        HttpTestClient.Response checkout = http.postJson("/api/membership/checkout", HttpTestClient.json(order), token);
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        String operator = SharedPlatform.operatorToken();
        JsonNode invoice = await().atMost(WAIT)
                .until(() -> ok(http.get("/api/invoices?accountId=" + accountId, operator)), list -> list.size() == 1)
                .get(0);
        String invoiceId = invoice.path("invoiceId").asString();
        String invoiceNumber = invoice.path("number").asString();
        assertThat(rawEventTables())
                .as("the event tables hold no personal value in clear")
                .isEmpty();

        // before: the member's own copy of everything (Art. 15 and 20), as one JSON document
        JsonNode export = await().atMost(WAIT)
                .until(
                        () -> ok(http.get("/api/accounts/me/export", token)),
                        e -> e.path("invoices").size() == 1);
        assertThat(export.path("accountId").asString()).isEqualTo(accountId);
        assertThat(export.toString()).contains(contactName, email, street, "EOS-R5-MARK-II-" + run, invoiceNumber);
        assertThat(http.get("/api/accounts/me/export", null).status()).isEqualTo(401);

        Map<TopicPartition, Long> before = endOffsets();
        HttpTestClient.Response erasure = http.postJson(
                "/api/accounts/" + accountId + "/erasure",
                HttpTestClient.json(Map.of("reason", "the member asked by letter of 2026-12-01")),
                operator);
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(202);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Journeys.login(email, Journeys.PASSWORD).status())
                    .as("the member can no longer log in")
                    .isIn(400, 401);
            assertThat(readModels()).as("read models").isEmpty();
        });

        for (String service : SERVICES) {
            rebuildEveryProjection(service, operator);
        }
        assertThat(readModels()).as("read models rebuilt from the events").isEmpty();
        assertThat(rawEventTables()).isEmpty();
        JsonNode kept = ok(http.get("/api/invoices/" + invoiceId, operator));
        assertThat(kept.path("number").asString()).isEqualTo(invoiceNumber);
        assertThat(kept.toString())
                .as("the invoice keeps what tax law requires: the buyer's name")
                .contains(company)
                .doesNotContain(contactName, email);
        assertThat(publishedSince(before, accountId))
                .as("contract events published since the erasure")
                .isNotEmpty()
                .allSatisfy(record -> assertThat(record).doesNotContain(contactName, email, company, street))
                .anySatisfy(record -> assertThat(record).contains("cps.account.AccountErased.v1"));
    }

    /** Each projection rebuilt from the first event and switched to; none fails on an erased value. */
    private void rebuildEveryProjection(String service, String operator) {
        for (JsonNode projection : ok(http.get("/admin/" + service + "/projections", operator))) {
            String path = "/admin/" + service + "/projections/"
                    + projection.path("name").asString() + "/rebuild";
            HttpTestClient.Response started = http.post(path, "application/json", "", operator);
            assertThat(started.status()).as(path + " " + started.body()).isEqualTo(202);
            String status = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> ok(http.get(path, operator)).path("status").asString(),
                            s -> s.equals("SWITCHED") || s.equals("FAILED") || s.equals("CANCELLED"));
            assertThat(status).as(path).isEqualTo("SWITCHED");
        }
    }

    /** Every Mongo document of every service that names the member: outside billing none; in billing only its name. */
    private List<String> readModels() {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + (37017 + SharedPlatform.OFFSET))) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase db = mongo.getDatabase(name);
                for (String collection : db.listCollectionNames()) {
                    for (Document document : db.getCollection(collection).find()) {
                        String json = document.toJson();
                        if (mentions(json, name.startsWith("billing"))) {
                            found.add(name + "." + collection + ": " + json);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Rows of the event tables (payload and metadata) that hold a personal value in clear. */
    private List<String> rawEventTables() throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : SERVICES) {
            try (Connection c = platform.infrastructure().connect(database);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT payloadtype, payload, metadata FROM domainevententry ORDER BY globalindex")) {
                while (rs.next()) {
                    String row = new String(rs.getBytes(2), StandardCharsets.UTF_8)
                            + (rs.getBytes(3) == null ? "" : new String(rs.getBytes(3), StandardCharsets.UTF_8));
                    if (mentions(row, false)) {
                        found.add(database + " " + rs.getString(1) + ": " + row);
                    }
                }
            }
        }
        return found;
    }

    private boolean mentions(String text, boolean retainedInvoiceData) {
        return text.contains(contactName)
                || text.contains(email)
                || (!retainedInvoiceData && (text.contains(company) || text.contains(street)));
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String service : SERVICES) {
                consumer.partitionsFor("cps." + service + ".events")
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /** The records with the account's key published after {@code from}, each as its headers and value. */
    private List<String> publishedSince(Map<TopicPartition, Long> from, String accountId) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (accountId.equals(r.key())) {
                        StringBuilder text = new StringBuilder();
                        r.headers()
                                .forEach(h -> text.append(h.key())
                                        .append('=')
                                        .append(new String(h.value(), StandardCharsets.UTF_8))
                                        .append(' '));
                        records.add(text.append(new String(r.value(), StandardCharsets.UTF_8))
                                .toString());
                    }
                }
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    private static JsonNode ok(HttpTestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
