package com.canon.cps.membership;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestInfrastructure;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events account-service and points-service publish, sent as they would send them (CloudEvents binary mode) by
 * one shared producer, so that setting up hundreds of accounts costs milliseconds, not a producer each.
 */
public final class Upstream {

    private static KafkaProducer<String, byte[]> producer;

    private Upstream() {}

    /** The account is opened in {@code country}, has {@code points} and crossed the invitation threshold. */
    public static void invited(String accountId, String country, int points) {
        opened(accountId, country, "en");
        balance(accountId, points);
        send(
                "cps.points.events",
                accountId,
                UUID.randomUUID().toString(),
                PointsThresholdReached.TYPE,
                new PointsThresholdReached(accountId, 500, points, Instant.now()));
    }

    public static void opened(String accountId, String country, String language) {
        send(
                "cps.account.events",
                accountId,
                UUID.randomUUID().toString(),
                AccountOpened.TYPE,
                new AccountOpened(accountId, "Lumen Studio Ltd", country, language, null, Instant.now()));
    }

    public static void balance(String accountId, int points) {
        send(
                "cps.points.events",
                accountId,
                UUID.randomUUID().toString(),
                PointsBalanceChanged.TYPE,
                new PointsBalanceChanged(accountId, points, 3, Instant.now()));
    }

    public static void threshold(String accountId, String ceId, int points) {
        send(
                "cps.points.events",
                accountId,
                ceId,
                PointsThresholdReached.TYPE,
                new PointsThresholdReached(accountId, 500, points, Instant.now()));
    }

    public static void flush() {
        producer().flush();
    }

    private static void send(String topic, String key, String ceId, String type, Object data) {
        ProducerRecord<String, byte[]> r =
                new ProducerRecord<>(topic, key, HttpTestClient.json(data).getBytes(StandardCharsets.UTF_8));
        header(r, "ce_id", ceId);
        header(r, "ce_type", type);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/cps/test");
        header(r, "ce_subject", key);
        header(r, "ce_time", Instant.now().toString());
        header(r, "content-type", "application/json");
        producer().send(r);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.get().kafka().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
