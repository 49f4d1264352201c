package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.examples.membership.ActiveMembership;
import com.canon.cps.examples.membership.ActiveMemberships;
import com.canon.cps.local.LocalPlatform;
import com.canon.cps.local.LocalService;
import com.canon.cps.platform.security.Pem;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * A downstream system on the published contract only: the example subscriber ({@code examples/membership-subscriber},
 * compiled against {@code membership-contract}) follows {@code cps.membership.events} of the running platform and
 * must list exactly the memberships that membership-service itself shows as ACTIVE, over every account that has
 * membership events (whatever other journeys of this JVM did before). The test makes two members of its own, one of
 * which switches auto-renewal off. It also reads each service's AsyncAPI document as a downstream team would.
 */
class ExampleSubscriberIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final LocalPlatform platform = SharedPlatform.get();
    private final HttpTestClient http = SharedPlatform.http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSubscriberListsExactlyTheActiveMembershipsOfMembershipService() throws Exception {
        String keeps = activeMember("keeps");
        String switches = activeMember("switches");
        HttpTestClient.Response off =
                http.patchJson("/api/membership/subscription", "{\"autoRenew\": false}", memberToken(switches));
        assertThat(off.status()).as(off.body()).isEqualTo(200);

        try (ActiveMemberships subscriber =
                ActiveMemberships.follow(platform.infrastructure().kafkaBootstrap(), "example-subscriber-e2e-" + run)) {
            Thread runner = new Thread(() -> subscriber.run(snapshot -> {}), "example-subscriber");
            runner.setDaemon(true);
            runner.start();

            await().atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(subscriber.snapshot()).isEqualTo(activeMemberships()));

            Map<String, ActiveMembership> seen = subscriber.snapshot();
            assertThat(seen).containsKeys(keeps, switches);
            assertThat(seen.get(keeps).autoRenew()).isTrue();
            assertThat(seen.get(switches).autoRenew()).isFalse();
            assertThat(seen.get(keeps).tier()).isEqualTo("SILVER");
            assertThat(seen.get(keeps).membershipNumber()).matches("[1-9][0-9]{8}");

            subscriber.close();
            runner.join(10_000);
        }
    }

    @Test
    void everyServiceServesItsAsyncApiDocumentWithoutToken() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (LocalService service : LocalService.values()) {
            String name = service.serviceName();
            String port = platform.context(service).getEnvironment().getProperty("local.server.port");
            HttpResponse<String> direct = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/asyncapi.yaml"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).as(name).isEqualTo(200);
            assertThat(direct.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
            // its own contract's document, although every contract is on this one classpath
            assertThat(direct.body()).isEqualTo(resource("META-INF/cps/asyncapi-" + name + ".yaml"));
            assertThat(direct.body()).contains("title: " + name + "-service events");
            if (service != LocalService.NOTIFICATION) {
                assertThat(direct.body()).contains("address: cps." + name + ".events");
            }

            HttpTestClient.Response viaEntryPoint = http.get("/asyncapi/" + name + ".yaml", null);
            assertThat(viaEntryPoint.status()).as(name).isEqualTo(200);
            assertThat(viaEntryPoint.body()).isEqualTo(direct.body());
        }
    }

    // ---- what membership-service shows ------------------------------------------------------------------------------

    /** ACTIVE memberships by account, as {@code GET /api/membership} shows them, over every account on the topic. */
    private Map<String, ActiveMembership> activeMemberships() {
        Map<String, ActiveMembership> active = new TreeMap<>();
        for (String accountId : accountsOnTheTopic()) {
            HttpTestClient.Response r = http.get("/api/membership", memberToken(accountId));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode m = r.json();
            if (m.path("status").asString().equals("ACTIVE")) {
                active.put(
                        accountId,
                        new ActiveMembership(
                                accountId,
                                m.path("membershipNumber").asString(),
                                m.path("tier").asString(),
                                LocalDate.parse(m.path("startsOn").asString()),
                                LocalDate.parse(m.path("expiresOn").asString()),
                                m.path("autoRenew").asBoolean()));
            }
        }
        return active;
    }

    /** The keys (account ids) of every record on {@code cps.membership.events} so far. */
    private Set<String> accountsOnTheTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().kafkaBootstrap());
        Set<String> accounts = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ActiveMemberships.TOPIC).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("reading the topic").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accounts.add(record.key());
                }
            }
        }
        return accounts;
    }

    /** A member token for any account, signed with the platform's own key (as account-service would issue it). */
    private String memberToken(String accountId) {
        Environment account = platform.context(LocalService.ACCOUNT).getEnvironment();
        KeyPair keys = new KeyPair(
                Pem.publicKey(account.getRequiredProperty("cps.jwt.public-key")),
                Pem.privateKey(account.getRequiredProperty("cps.account.private-key")));
        return TestTokens.signedWith(keys, accountId, List.of("MEMBER"), Duration.ofMinutes(5));
    }

    // ---- a member of our own
    // ------------------------------------------------------------------------------------------

    /** Applies, is verified, sets the password, registers products to 580 points, is invited and buys Silver. */
    private String activeMember(String name) {
        String email = "subscriber-" + name + "-" + run + "@lumen.example";
        String token = Journeys.verifiedMember(
                new HashMap<>(Applications.gbVatLiable("Lumen " + name + " Ltd", email)), email);
        String accountId =
                ok(http.get("/api/accounts/me", token)).path("accountId").asString();
        for (String model : List.of("EOS-R5-MARK-II", "EOS-R5")) {
            HttpTestClient.Response r = http.postJson(
                    "/api/products",
                    HttpTestClient.json(Map.of(
                            "modelCode", model,
                            "serialNumber", model + "-" + accountId.substring(0, 13),
                            "purchaseDate", "2025-06-01",
                            "countryOfPurchase", "GB",
                            "dealer", "Wex Photo")),
                    token);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        await().atMost(WAIT)
                .until(
                        () -> ok(http.get("/api/membership", token))
                                .path("status")
                                .asString(),
                        "INVITED"::equals);
        HttpTestClient.Response checkout = http.postJson(
                "/api/membership/checkout",
                HttpTestClient.json(Map.of(
                        "tier", "SILVER",
                        "autoRenew", true,
                        "termsAccepted", true,
                        "termsVersion", "2024-01",
                        "paymentMethod", "CARD",
                        "cardToken", "tok_visa")),
                token);
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        return accountId;
    }

    private static JsonNode ok(HttpTestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ExampleSubscriberIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
