package com.canon.cps.points.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.ChildJvmCommand;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestInfrastructure;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.points.PointsServiceApplication;
import com.canon.cps.points.PointsServiceTest;
import com.canon.cps.product.contract.ProductRegistered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out: a second points-service instance (its own process, same database, same topic and consumer group) shares
 * the partitions of {@code cps.product.events} with this test's instance, and is {@code kill -9}ed in the middle of
 * a burst. Its partitions and processor claims pass to the surviving instance, and every product counts exactly once:
 * each balance is right, the ledger holds one event per product, and the balances published on
 * {@code cps.points.events} climb in single steps with no step twice.
 */
@PointsServiceTest
class TwoInstancesIT {

    private static final int ACCOUNTS = 40;
    private static final int PRODUCTS_EACH = 5;
    private static final int POINTS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesShareTheBurst_andTheSurvivorFinishesItExactlyOnce_afterKillMinus9() throws Exception {
        Path log = Files.createTempFile("points-second-instance", ".log");
        Process second = startSecondInstance(log);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers()))) {
            Map<String, Integer> shares = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> partitionsPerMember(admin), s -> s.size() == 2 && !s.containsValue(0));
            assertThat(shares.values().stream().mapToInt(Integer::intValue).sum())
                    .as("the topic's partitions are split between the two instances")
                    .isGreaterThanOrEqualTo(2);

            List<String> accounts = IntStream.range(0, ACCOUNTS)
                    .mapToObj(i -> UUID.randomUUID().toString())
                    .toList();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int round = 0; round < PRODUCTS_EACH; round++) {
                    for (String account : accounts) {
                        send(producer, account);
                    }
                    producer.flush();
                    if (round == 1) {
                        second.destroyForcibly(); // SIGKILL in the middle of the burst
                        second.waitFor();
                    }
                }
            }

            HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> accounts.stream()
                            .allMatch(a -> http.get("/api/points", TestTokens.member(a))
                                            .json()
                                            .path("balance")
                                            .asInt()
                                    == PRODUCTS_EACH * POINTS));
            assertThat(partitionsPerMember(admin))
                    .as("the survivor holds every partition")
                    .hasSize(1);
        } finally {
            second.destroyForcibly();
        }

        String secondLog = Files.readString(log);
        assertThat(secondLog).as("the second instance took part").contains("Started PointsServiceApplication");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ProductPointsCounted'"
                                + " AND aggregateidentifier = ANY (?)",
                        Long.class, (Object) accountsArray()))
                .as("one ledger event per product")
                .isEqualTo((long) ACCOUNTS * PRODUCTS_EACH);
        Map<String, List<Integer>> published = publishedBalances();
        for (String account : sent.keySet()) {
            assertThat(published.get(account))
                    .as("balances published for " + account)
                    .containsExactly(10, 20, 30, 40, 50);
        }
    }

    // ---- the second instance ---------------------------------------------------------------------------------------

    private static Process startSecondInstance(Path log) throws Exception {
        List<String> command = new ArrayList<>(ChildJvmCommand.of(
                List.of("-Xmx384m", "-Daxoniq.update-checker.disabled=true"),
                PointsServiceApplication.class.getName(),
                List.of()));
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.serviceProperties("points"));
        properties.put("server.port", 0);
        properties.put("cps.node-id", "second");
        // a killed instance leaves the group after this long (the broker's minimum), not Kafka's default 45 s
        properties.put("spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", 6000);
        properties.put("spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms", 1000);
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("second instance exited: " + Files.readString(log));
                    }
                    return Files.readString(log).contains("Started PointsServiceApplication");
                });
        return process;
    }

    private static Map<String, Integer> partitionsPerMember(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of("points-service"))
                .describedGroups()
                .get("points-service")
                .get();
        return group.members().stream()
                .collect(Collectors.toMap(
                        MemberDescription::consumerId, m -> (int) m.assignment().topicPartitions().stream()
                                .filter(tp -> tp.topic().equals("cps.product.events"))
                                .count()));
    }

    // ---- the burst -------------------------------------------------------------------------------------------------

    private final Map<String, Integer> sent = new HashMap<>();

    private void send(KafkaProducer<String, byte[]> producer, String account) {
        String productId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(
                "cps.product.events",
                account,
                HttpTestClient.json(new ProductRegistered(
                                account,
                                productId,
                                "EF-50-F1.8-STM",
                                "SN-" + productId.substring(0, 8),
                                POINTS,
                                true,
                                List.of(),
                                false,
                                Instant.now()))
                        .getBytes(StandardCharsets.UTF_8));
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_type", ProductRegistered.TYPE);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/cps/product-service");
        header(r, "ce_subject", account);
        header(r, "ce_time", Instant.now().toString());
        header(r, "content-type", "application/json");
        producer.send(r);
        sent.merge(account, 1, Integer::sum);
    }

    private String[] accountsArray() {
        return sent.keySet().toArray(String[]::new);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Per account, the distinct balances published (a re-publication after the kill repeats the same event id). */
    private Map<String, List<Integer>> publishedBalances() {
        Map<String, Map<String, Integer>> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r :
                KafkaTestClient.readUntil("cps.points.events", rec -> false, Duration.ofSeconds(5))) {
            if (sent.containsKey(r.key())
                    && "cps.points.PointsBalanceChanged.v1".equals(KafkaTestClient.header(r, "ce_type"))) {
                JsonNode balance = JSON.readTree(r.value());
                byId.computeIfAbsent(r.key(), k -> new java.util.LinkedHashMap<>())
                        .put(
                                KafkaTestClient.header(r, "ce_id"),
                                balance.path("balance").asInt());
            }
        }
        Map<String, List<Integer>> balances = new HashMap<>();
        byId.forEach((account, events) -> balances.put(account, new ArrayList<>(events.values())));
        return balances;
    }
}
