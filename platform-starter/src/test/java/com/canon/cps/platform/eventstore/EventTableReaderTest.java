package com.canon.cps.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.testing.MigratedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reader's rows against Axon's own JDBC engine on the same table: the same gap-aware tokens (gaps kept for recent
 * rows, dropped for rows older than the gap timeout, from no token and from an earlier one) and the same timestamps.
 */
class EventTableReaderTest {

    private static MigratedPostgres postgres;
    private static DataSource dataSource;

    private final Serializer serializer = CachingJacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.axonObjectMapper())
            .build();
    private JdbcTemplate jdbc;
    private EventTableReader reader;
    private AxonEngine axon;

    @BeforeAll
    static void startPostgres() {
        postgres = MigratedPostgres.start("reader");
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void wire() {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM domainevententry");
        ConnectionProvider connections = dataSource::getConnection;
        reader = EventTableReader.of(
                serializer,
                serializer,
                NoOpEventUpcaster.INSTANCE,
                connections,
                NoTransactionManager.INSTANCE,
                jdbc,
                100);
        axon = new AxonEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .batchSize(100));
    }

    /** Axon's engine as the service's event store builds it (its defaults), with its tracked read open to the test. */
    static final class AxonEngine extends JdbcEventStorageEngine {
        AxonEngine(Builder builder) {
            super(builder);
        }

        List<? extends TrackedEventData<?>> fetch(TrackingToken token, int max) {
            return fetchTrackedEvents(token, max);
        }
    }

    private void insert(long globalIndex, Instant timestamp, String timestampText) {
        jdbc.update(
                "INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " VALUES (?, ?, 0, 'Card', ?, ?, ?, NULL, 'java.lang.String', ?)",
                globalIndex,
                "card-" + globalIndex,
                "event-" + globalIndex,
                "{}".getBytes(StandardCharsets.UTF_8),
                ("\"payload " + globalIndex + "\"").getBytes(StandardCharsets.UTF_8),
                timestampText != null ? timestampText : timestamp.toString());
    }

    private record Row(TrackingToken token, Instant timestamp, String eventId) {}

    private List<Row> ours(TrackingToken from, int max) {
        List<Row> rows = new ArrayList<>();
        for (TrackedEventMessage<?> event : reader.read(from, max).events()) {
            rows.add(new Row(event.trackingToken(), event.getTimestamp(), event.getIdentifier()));
        }
        return rows;
    }

    private List<Row> axons(TrackingToken from, int max) {
        List<Row> rows = new ArrayList<>();
        for (TrackedEventData<?> data : axon.fetch(from, max)) {
            rows.add(new Row(data.trackingToken(), data.getTimestamp(), data.getEventIdentifier()));
        }
        return rows;
    }

    @Test
    void recentRowsKeepTheirGapsAsInAxon() {
        Instant now = Instant.now();
        LongStream.of(3, 4, 6, 9, 10).forEach(i -> insert(i, now.minusMillis(i), null)); // 1, 2, 5, 7, 8 missing

        List<Row> ours = ours(null, 100);
        assertThat(ours).isEqualTo(axons(null, 100)).hasSize(5);
        assertThat(ours.get(4).token().toString()).contains("gaps=[1, 2, 5, 7, 8]");

        TrackingToken afterTwo = ours.get(1).token(); // a read that continues from an earlier token
        assertThat(ours(afterTwo, 100)).isEqualTo(axons(afterTwo, 100)).hasSize(3);
    }

    @Test
    void rowsOlderThanTheGapTimeoutDropTheirGapsAsInAxon() {
        Instant old = Instant.now().minus(2, ChronoUnit.MINUTES);
        insert(2, old, null);
        insert(5, old.plusMillis(5), null);
        insert(6, Instant.now(), null);

        List<Row> ours = ours(null, 100);
        assertThat(ours).isEqualTo(axons(null, 100)).hasSize(3);
        assertThat(ours.get(1).token().toString()).contains("gaps=[]");
        assertThat(ours(ours.get(0).token(), 100)).isEqualTo(axons(ours.get(0).token(), 100));
    }

    @Test
    void everyStoredShapeOfTimestampReadsAsInAxon() {
        insert(1, null, "2026-12-08T03:30:00Z");
        insert(2, null, "2026-12-08T03:30:00.1Z");
        insert(3, null, "2026-12-08T03:30:00.123456789Z");
        insert(4, null, "2026-12-08T04:30:00.5+01:00"); // an offset: left to Axon's parser

        List<Row> ours = ours(null, 100);
        assertThat(ours).isEqualTo(axons(null, 100)).hasSize(4);
        assertThat(ours.get(3).timestamp()).isEqualTo(Instant.parse("2026-12-08T03:30:00.5Z"));
    }
}
