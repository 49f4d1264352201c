package com.canon.cps.platform.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the event table ({@code domainevententry}, in global index order) in large batches, straight through Axon's
 * JDBC engine: the same gap-aware query the live processors use (an index below the position that had no committed
 * row when it was passed is a gap of the {@code GapAwareTrackingToken} and is read again until its row commits or
 * Axon drops the gap, docs/adr/0026), the service's serializer and upcasters. It never appends. The projection
 * rebuilds and the {@code table} publisher read through it; it is the only place that queries the event table.
 */
public final class EventTableReader extends JdbcEventStorageEngine {

    /** Axon's defaults for its JDBC engine, which the service's event store uses. */
    static final int GAP_TIMEOUT_MS = 60_000;

    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;
    private final JdbcTemplate jdbc;

    private EventTableReader(Builder builder, Serializer eventSerializer, EventUpcaster upcasters, JdbcTemplate jdbc) {
        super(builder);
        this.eventSerializer = eventSerializer;
        this.upcasters = upcasters;
        this.jdbc = jdbc;
    }

    /**
     * The event table as the service's event store reads it: the same serializers, upcasters, connections and schema;
     * {@code batchSize} rows at most per read.
     */
    public static EventTableReader of(
            Serializer snapshotSerializer,
            Serializer eventSerializer,
            EventUpcaster upcasters,
            ConnectionProvider connections,
            TransactionManager transactions,
            JdbcTemplate jdbc,
            int batchSize) {
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasters)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .gapTimeout(GAP_TIMEOUT_MS)
                .maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .batchSize(batchSize);
        return new EventTableReader(engine, eventSerializer, upcasters, jdbc);
    }

    /** The highest global index in the table, -1 when it is empty (in the caller's transaction, if any). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /** The number of events in the table. */
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return count == null ? 0 : count;
    }

    /** The number of events after global index {@code position}. */
    public long countAfter(long position) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex > ?", Long.class, position);
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code max} events after {@code token} ({@code null} = from the first), upcast and lazily deserialised:
     * a payload is only deserialised when a handler wants it. Domain events come as {@code DomainEventMessage}s
     * (aggregate id and sequence number, for {@code @SequenceNumber}).
     */
    public Batch read(TrackingToken token, int max) {
        List<? extends TrackedEventData<?>> rows = fetchTrackedEvents(token, max);
        if (rows.isEmpty()) {
            return new Batch(List.of(), token, 0);
        }
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        rows.stream(), eventSerializer, upcasters)
                .toList();
        return new Batch(events, rows.get(rows.size() - 1).trackingToken(), rows.size());
    }

    /**
     * Each row as Axon's engine reads it (the same entry and the same gap-aware token), with its timestamp parsed once
     * by {@link IsoInstants} (Axon's result, faster) instead of twice by Axon's formatter: once for the gap
     * check below and again for every {@code getTimestamp()}. That parsing took a seventh of the table publisher's
     * time per event (JFR, PublisherBenchmark). Axon's gap settings are private, so the reader sets them itself, to
     * Axon's defaults, as the service's event store has them ({@link #GAP_TIMEOUT_MS}, {@link #MAX_GAP_OFFSET}, {@link
     * #LOWEST_GLOBAL_SEQUENCE}); {@code EventTableReaderTest} compares every token and timestamp with Axon's.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previous)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateId = row.getString(schema.aggregateIdentifierColumn());
        String eventId = row.getString(schema.eventIdentifierColumn());
        Object stored = readTimeStamp(row, schema.timestampColumn());
        GenericDomainEventEntry<Object> entry = new GenericDomainEventEntry<>(
                row.getString(schema.typeColumn()),
                eventId.equals(aggregateId) ? null : aggregateId,
                row.getLong(schema.sequenceNumberColumn()),
                eventId,
                stored,
                row.getString(schema.payloadTypeColumn()),
                row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()),
                readPayload(row, schema.metaDataColumn()));
        Instant timestamp = stored instanceof String text ? IsoInstants.stored(text) : entry.getTimestamp();
        boolean allowGaps =
                timestamp.isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token = previous == null
                ? GapAwareTrackingToken.newInstance(
                        globalIndex,
                        allowGaps
                                ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex)
                                        .boxed()
                                        .collect(Collectors.toCollection(TreeSet::new))
                                : Collections.emptySortedSet())
                : previous.advanceTo(globalIndex, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<Object>(token, entry) {
            @Override
            public Instant getTimestamp() {
                return timestamp;
            }
        };
    }

    /**
     * One read: the events (an upcaster may have dropped or split some rows), the token after the last row, and the
     * number of rows read.
     */
    public record Batch(List<TrackedEventMessage<?>> events, TrackingToken last, int rows) {}
}
