package com.canon.cps.platform.deadletter;

import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.publishing.CloudEventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records this service's consumers parked on their dead-letter topics ({@code <topic>.<service>-service.dlt}).
 *
 * <p>The topics are read with a plain consumer that assigns their partitions and seeks, without a group and without
 * committing anything; what was read is kept, so each refresh reads only what was parked since. A record on the
 * topic never changes: whether it was re-driven or discarded is kept in {@link DeadLetterStateStore}.
 *
 * <p>A re-drive handles the record in this process, through the same consumer's handler, in one transaction with its
 * inbox row ({@link EventInbox#redrive}) and with the letter's resolution. It is never published to the original
 * topic again, where the other services' consumer groups would see it a second time.
 */
class KafkaDeadLetters implements DeadLetterSource {

    static final String PREFIX = "kafka-";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String EXCEPTION_MESSAGE = "x-exception-message";
    private static final String EXCEPTION_TYPE = "x-exception-fqcn";

    /** A dead-letter topic of this service and the inbox consumer whose records it holds. */
    record Topic(String name, String consumer) {
        String source() {
            return "kafka:" + name;
        }
    }

    /** One record as read from a dead-letter topic. */
    private record Parked(
            String id,
            Topic topic,
            TopicPartition partition,
            long offset,
            String key,
            byte[] value,
            Map<String, byte[]> headers,
            Instant parkedAt) {

        String header(String name) {
            byte[] value = headers.get(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final List<Topic> topics;
    private final Map<String, Object> consumerConfig;
    private final EventInbox inbox;
    private final DeadLetterStateStore state;
    private final int deliveryAttempts;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<String, Parked> parked = new LinkedHashMap<>();

    /**
     * @param consumerConfig Kafka consumer settings (bootstrap servers, security); group and commits are removed
     * @param deliveryAttempts how often the binder delivered a record before parking it
     */
    KafkaDeadLetters(
            List<Topic> topics,
            Map<String, Object> consumerConfig,
            EventInbox inbox,
            DeadLetterStateStore state,
            int deliveryAttempts) {
        this.topics = List.copyOf(topics);
        this.inbox = inbox;
        this.state = state;
        this.deliveryAttempts = deliveryAttempts;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove("group.id");
        config.remove("group.instance.id");
        config.put("enable.auto.commit", false);
        config.put("allow.auto.create.topics", false);
        config.put("auto.offset.reset", "earliest");
        config.put("default.api.timeout.ms", (int) TIMEOUT.toMillis());
        this.consumerConfig = Map.copyOf(config);
    }

    List<Topic> topics() {
        return topics;
    }

    @Override
    public boolean holds(String id) {
        return id.startsWith(PREFIX);
    }

    @Override
    public List<String> sources() {
        return topics.stream().map(Topic::source).toList();
    }

    /** The open letters, oldest first, after reading what was parked since the last call. */
    @Override
    public synchronized List<DeadLetter> open() {
        catchUp();
        Map<String, DeadLetterStateStore.State> states = state.states(PREFIX);
        parked.values().removeIf(p -> closed(states.get(p.id())));
        return parked.values().stream()
                .map(p -> letter(p, states.get(p.id())))
                .sorted(Comparator.comparing(DeadLetter::firstFailedAt))
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return open().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Re-drives an open letter; empty when there is no such open letter. */
    @Override
    public Optional<RetryResult> retry(String id) {
        return openParked(id).map(this::redrive);
    }

    /** Re-drives every open letter, in the order they were parked. */
    @Override
    public List<RetryResult> retryAll() {
        List<Parked> letters;
        synchronized (this) {
            open();
            letters = parked.values().stream()
                    .sorted(Comparator.comparing(Parked::parkedAt))
                    .toList();
        }
        return letters.stream().map(this::redrive).toList();
    }

    private RetryResult redrive(Parked p) {
        String id = p.id();
        String ceId = p.header(CloudEventHeaders.ID);
        String type = p.header(CloudEventHeaders.TYPE);
        try {
            inbox.redrive(
                    p.topic().consumer(),
                    message(p),
                    () -> state.resolved(id, p.topic().source(), ceId, type));
        } catch (RuntimeException e) {
            String error = DeadLetters.describe(e);
            state.failed(id, p.topic().source(), ceId, type, error);
            return RetryResult.failed(id, error);
        }
        forget(id);
        return RetryResult.processed(id);
    }

    /** Discards an open letter; false when there is no such open letter. */
    @Override
    public boolean discard(String id, String by, String reason) {
        Optional<Parked> letter = openParked(id);
        if (letter.isEmpty()) {
            return false;
        }
        Parked p = letter.get();
        boolean discarded = state.discarded(
                id, p.topic().source(), p.header(CloudEventHeaders.ID), p.header(CloudEventHeaders.TYPE), by, reason);
        forget(id);
        return discarded;
    }

    private synchronized Optional<Parked> openParked(String id) {
        if (!id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        open();
        return Optional.ofNullable(parked.get(id));
    }

    private synchronized void forget(String id) {
        parked.remove(id);
    }

    private static boolean closed(DeadLetterStateStore.State s) {
        return s != null && s.status() != DeadLetterStateStore.Status.OPEN;
    }

    private DeadLetter letter(Parked p, DeadLetterStateStore.State s) {
        String error = s != null && s.lastError() != null ? s.lastError() : parkedError(p);
        Instant lastFailedAt = s != null && s.lastFailedAt() != null ? s.lastFailedAt() : p.parkedAt();
        Map<String, String> headers = new LinkedHashMap<>();
        p.headers().forEach((name, value) -> headers.put(name, text(value)));
        return new DeadLetter(
                p.id(),
                p.topic().source(),
                p.key(),
                p.header(CloudEventHeaders.TYPE),
                error,
                deliveryAttempts + (s == null ? 0 : s.redriveFailures()),
                p.parkedAt(),
                lastFailedAt,
                text(p.value()),
                headers);
    }

    private static String parkedError(Parked p) {
        String message = p.header(EXCEPTION_MESSAGE);
        return message != null ? message : p.header(EXCEPTION_TYPE);
    }

    private static Message<byte[]> message(Parked p) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(p.value() == null ? new byte[0] : p.value());
        p.headers().forEach((name, value) -> {
            // Spring's own message id and timestamp cannot be set; the inbox reads only the ce_* headers anyway
            if (!MessageHeaders.ID.equals(name) && !MessageHeaders.TIMESTAMP.equals(name)) {
                message.setHeader(name, value);
            }
        });
        return message.build();
    }

    /** Reads every partition of the dead-letter topics from where the last read stopped up to its current end. */
    private void catchUp() {
        if (topics.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), TIMEOUT);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            // records the broker deleted (retention) are gone for the operators too
            parked.values().removeIf(p -> p.offset() < beginning.getOrDefault(p.partition(), 0L));
            Map<TopicPartition, Long> pending = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long from = Math.max(next.getOrDefault(tp, 0L), beginning.getOrDefault(tp, 0L));
                if (from < end.getOrDefault(tp, 0L)) {
                    pending.put(tp, from);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            consumer.assign(pending.keySet());
            pending.forEach(consumer::seek);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading the dead-letter topics "
                            + pending.keySet().stream()
                                    .map(TopicPartition::toString)
                                    .collect(Collectors.joining(", ")));
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    store(r);
                }
                pending.keySet().removeIf(tp -> {
                    long position = consumer.position(tp, TIMEOUT);
                    next.put(tp, position);
                    return position >= end.get(tp);
                });
            }
        }
    }

    private void store(ConsumerRecord<byte[], byte[]> r) {
        Topic topic = topics.stream()
                .filter(t -> t.name().equals(r.topic()))
                .findFirst()
                .orElseThrow();
        Map<String, byte[]> headers = new LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), h.value()));
        String id = PREFIX + r.topic() + "-" + r.partition() + "-" + r.offset();
        parked.put(
                id,
                new Parked(
                        id,
                        topic,
                        new TopicPartition(r.topic(), r.partition()),
                        r.offset(),
                        r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        r.value(),
                        headers,
                        Instant.ofEpochMilli(r.timestamp())));
    }

    /**
     * A header or payload for people: UTF-8 text when it is text; the binder's binary numbers (original partition,
     * offset, timestamp) as numbers; anything else in base64.
     */
    static String text(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
            if (text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return text;
            }
        } catch (CharacterCodingException binary) {
            // not text; below
        }
        if (value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if (value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return "base64:" + Base64.getEncoder().encodeToString(value);
    }
}
