package com.canon.cps.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events this service's processors parked in Axon's dead-letter queue ({@code deadletterentry}). Read with plain
 * SQL (Axon's queue has no lookup by letter); re-driven and evicted through Axon's {@link
 * SequencedDeadLetterProcessor} and {@link SequencedDeadLetterQueue}, so a sequence is always processed from its
 * first letter on, in order, and claimed against concurrent re-drives.
 */
class ProcessorDeadLetters implements DeadLetterSource {

    static final String PREFIX = "processor-";
    static final String WAITING = "waiting behind an earlier dead letter of the same sequence";
    private static final Logger log = LoggerFactory.getLogger(ProcessorDeadLetters.class);
    private static final String COLUMNS = "deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex,"
            + " eventidentifier, payloadtype, payloadrevision, aggregateidentifier, sequencenumber, timestamp,"
            + " enqueuedat, lasttouched, causetype, causemessage, diagnostics";

    /** One row of {@code deadletterentry}; payload and metadata only when asked for. */
    private record Row(
            String identifier,
            String group,
            String sequence,
            long index,
            String eventId,
            String payloadType,
            String payloadRevision,
            String aggregateId,
            Long sequenceNumber,
            String timestamp,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage,
            byte[] diagnostics,
            byte[] payload,
            byte[] metadata) {

        String letterId() {
            return PREFIX + identifier;
        }

        String source() {
            return "processor:" + group;
        }
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final DeadLetterStateStore state;
    private final Supplier<Set<String>> groups;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param groups the processing groups that have a dead-letter queue */
    ProcessorDeadLetters(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            DeadLetterStateStore state,
            Supplier<Set<String>> groups) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.state = state;
        this.groups = groups;
    }

    @Override
    public boolean holds(String id) {
        return id.startsWith(PREFIX);
    }

    @Override
    public List<String> sources() {
        return groups.get().stream().map(group -> "processor:" + group).toList();
    }

    /** Every parked event, sequence by sequence, each in its order. */
    @Override
    public List<DeadLetter> open() {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM deadletterentry"
                                + " ORDER BY processinggroup, sequenceidentifier, sequenceindex",
                        (rs, n) -> row(rs, false))
                .stream()
                .map(r -> letter(r, false))
                .toList();
    }

    @Override
    public Optional<DeadLetter> find(String id) {
        return row(id).map(r -> letter(r, true));
    }

    /**
     * Re-drives the sequence the letter belongs to, from its first letter on: the letter itself is processed only
     * after the ones it waits behind. Empty when there is no such letter.
     */
    @Override
    public Optional<RetryResult> retry(String id) {
        Optional<Row> found = row(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        List<Row> sequence = sequence(row.group(), row.sequence());
        redrive(row.group(), row.sequence());
        Set<String> left = sequence(row.group(), row.sequence()).stream()
                .map(Row::identifier)
                .collect(Collectors.toSet());
        sequence.stream()
                .filter(r -> !left.contains(r.identifier()))
                .forEach(r -> state.resolved(r.letterId(), r.source(), r.eventId(), r.payloadType()));
        if (!left.contains(row.identifier())) {
            return Optional.of(RetryResult.processed(id));
        }
        Row head = sequence(row.group(), row.sequence()).get(0);
        return Optional.of(RetryResult.failed(id, error(head)));
    }

    /**
     * Re-drives every sequence that has letters now; one result per letter open before it started: processed when it
     * left the queue, else failed with the error that holds its sequence up.
     */
    @Override
    public List<RetryResult> retryAll() {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM deadletterentry", (rs, n) -> row(rs, false));
        rows.stream()
                .map(r -> Map.entry(r.group(), r.sequence()))
                .distinct()
                .forEach(s -> redrive(s.getKey(), s.getValue()));
        Set<String> left = jdbc.queryForList("SELECT deadletteridentifier FROM deadletterentry", String.class).stream()
                .collect(Collectors.toSet());
        rows.stream()
                .filter(r -> !left.contains(r.identifier()))
                .forEach(r -> state.resolved(r.letterId(), r.source(), r.eventId(), r.payloadType()));
        Map<String, Row> heads = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM deadletterentry ORDER BY sequenceindex", (rs, n) -> row(rs, false))
                .forEach(r -> heads.putIfAbsent(r.group() + "\u0000" + r.sequence(), r));
        return rows.stream()
                .map(r -> left.contains(r.identifier())
                        ? RetryResult.failed(
                                r.letterId(), error(heads.getOrDefault(r.group() + "\u0000" + r.sequence(), r)))
                        : RetryResult.processed(r.letterId()))
                .toList();
    }

    /**
     * Removes one letter from its queue for good. Letters that waited behind it go on by themselves when it was the
     * first of its sequence ({@link #releaseWaiting}).
     *
     * @return false when there is no such letter
     */
    @Override
    public boolean discard(String id, String by, String reason) {
        Optional<Row> found = row(id);
        if (found.isEmpty()) {
            return false;
        }
        Row row = found.get();
        SequencedDeadLetterQueue<EventMessage<?>> queue =
                processing.deadLetterQueue(row.group()).orElseThrow();
        for (org.axonframework.messaging.deadletter.DeadLetter<? extends EventMessage<?>> letter :
                queue.deadLetterSequence(row.sequence())) {
            if (letter instanceof JdbcDeadLetter<?> stored
                    && stored.getIdentifier().equals(row.identifier())) {
                queue.evict(letter);
                state.discarded(row.letterId(), row.source(), row.eventId(), row.payloadType(), by, reason);
                releaseWaiting();
                return true;
            }
        }
        return false;
    }

    /**
     * Processes the sequences whose first letter never failed itself: it only waited behind letters that are gone
     * since (discarded, or processed while it was being parked). Without this, they would wait for an operator.
     */
    @Override
    public void maintain() {
        releaseWaiting();
    }

    void releaseWaiting() {
        List<Row> heads = jdbc.query(
                "SELECT " + COLUMNS + " FROM deadletterentry d WHERE causetype IS NULL AND sequenceindex ="
                        + " (SELECT MIN(sequenceindex) FROM deadletterentry h"
                        + " WHERE h.processinggroup = d.processinggroup AND h.sequenceidentifier = d.sequenceidentifier)",
                (rs, n) -> row(rs, false));
        for (Row head : heads) {
            try {
                redrive(head.group(), head.sequence());
            } catch (RuntimeException e) {
                log.warn("Could not release the letters waiting in {} of {}: {}", head.sequence(), head.group(), e);
            }
        }
    }

    private void redrive(String group, String sequence) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(group);
        if (processor.isEmpty()) {
            log.warn("Dead letters of {} cannot be re-driven: the processor has no dead-letter queue", group);
            return;
        }
        processor.get().process(letter -> sequenceOf(letter).equals(sequence));
    }

    private static String sequenceOf(
            org.axonframework.messaging.deadletter.DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : "";
    }

    private Optional<Row> row(String id) {
        if (!id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT " + COLUMNS + ", payload, metadata FROM deadletterentry WHERE deadletteridentifier = ?",
                        (rs, n) -> row(rs, true),
                        id.substring(PREFIX.length()))
                .stream()
                .findFirst();
    }

    private List<Row> sequence(String group, String sequence) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?"
                        + " ORDER BY sequenceindex",
                (rs, n) -> row(rs, false),
                group,
                sequence);
    }

    private DeadLetter letter(Row r, boolean details) {
        // a letter that failed itself has failed once at least; one that only waits behind another, not yet
        Object counted = map(r.diagnostics()).get(ProcessorDeadLetterQueues.ATTEMPTS);
        int attempts = counted instanceof Number n ? n.intValue() : r.causeType() == null ? 0 : 1;
        Map<String, String> headers = null;
        if (details) {
            headers = new LinkedHashMap<>();
            put(headers, "processingGroup", r.group());
            put(headers, "sequenceIdentifier", r.sequence());
            put(headers, "sequenceIndex", r.index());
            put(headers, "eventIdentifier", r.eventId());
            put(headers, "aggregateIdentifier", r.aggregateId());
            put(headers, "sequenceNumber", r.sequenceNumber());
            put(headers, "timestamp", r.timestamp());
            put(headers, "payloadType", r.payloadType());
            put(headers, "payloadRevision", r.payloadRevision());
            put(headers, "causeType", r.causeType());
            Map<String, String> h = headers;
            map(r.metadata()).forEach((k, v) -> put(h, "metadata." + k, v));
        }
        return new DeadLetter(
                r.letterId(),
                r.source(),
                r.sequence(),
                r.payloadType(),
                r.causeType() == null ? WAITING : error(r),
                attempts,
                r.enqueuedAt(),
                r.lastTouched() == null ? r.enqueuedAt() : r.lastTouched(),
                details && r.payload() != null ? new String(r.payload(), StandardCharsets.UTF_8) : null,
                headers);
    }

    private static String error(Row r) {
        if (r.causeType() == null) {
            return WAITING;
        }
        return r.causeMessage() == null || r.causeMessage().isBlank() ? r.causeType() : r.causeMessage();
    }

    private static void put(Map<String, String> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
    }

    /** Axon's metadata and diagnostics, serialized by its Jackson serializer as a JSON object. */
    private Map<String, Object> map(byte[] serialized) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (serialized == null || serialized.length == 0) {
            return values;
        }
        try {
            JsonNode node = json.readTree(serialized);
            node.properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        } catch (JacksonException e) {
            values.put("unreadable", new String(serialized, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static Row row(ResultSet rs, boolean details) throws SQLException {
        return new Row(
                rs.getString("deadletteridentifier"),
                rs.getString("processinggroup"),
                rs.getString("sequenceidentifier"),
                rs.getLong("sequenceindex"),
                rs.getString("eventidentifier"),
                rs.getString("payloadtype"),
                rs.getString("payloadrevision"),
                rs.getString("aggregateidentifier"),
                rs.getObject("sequencenumber", Long.class),
                rs.getString("timestamp"),
                instant(rs.getString("enqueuedat")),
                instant(rs.getString("lasttouched")),
                rs.getString("causetype"),
                rs.getString("causemessage"),
                rs.getBytes("diagnostics"),
                details ? rs.getBytes("payload") : null,
                details ? rs.getBytes("metadata") : null);
    }

    private static Instant instant(String value) {
        return value == null ? null : DateTimeUtils.parseInstant(value);
    }
}
