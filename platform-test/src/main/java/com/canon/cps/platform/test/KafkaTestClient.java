package com.canon.cps.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against the embedded broker: what another service (or a downstream system) would see. */
public final class KafkaTestClient {

    private KafkaTestClient() {}

    private static KafkaProducer<String, byte[]> shared;

    /** Sends one record in the CloudEvents binary mode, as a producing service would, and waits for the broker. */
    public static void send(String topic, String key, String ceId, String ceType, String json) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(topic, key, ceId, ceType, json, "2026-11-27T10:00:00Z"))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one record like {@link #send} without waiting, through one producer shared by the whole test JVM, so
     * that setting up hundreds of accounts costs milliseconds; {@link #flush()} waits for everything sent.
     */
    public static void publish(String topic, String key, String ceId, String ceType, String json) {
        sharedProducer()
                .send(record(topic, key, ceId, ceType, json, Instant.now().toString()));
    }

    /** Waits until every record {@link #publish}ed so far is acknowledged. */
    public static void flush() {
        sharedProducer().flush();
    }

    private static ProducerRecord<String, byte[]> record(
            String topic, String key, String ceId, String ceType, String json, String time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", ceId);
        header(record, "ce_type", ceType);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_source", "/cps/test");
        header(record, "ce_subject", key);
        header(record, "ce_time", time);
        header(record, "content-type", "application/json");
        return record;
    }

    private static synchronized KafkaProducer<String, byte[]> sharedProducer() {
        if (shared == null) {
            shared = producer();
        }
        return shared;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the topic from the beginning until a record matches or the timeout passes. The consumer is assigned every
     * partition and joins no group: nothing to rebalance on start and nothing to leave on close.
     */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        return readUntil(TestInfrastructure.get().kafka().bootstrapServers(), topic, match, timeout);
    }

    /** {@link #readUntil(String, Predicate, Duration)} on another broker, e.g. a running local platform's. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String bootstrapServers, String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (match.test(r)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> all.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return all;
    }
}
