package com.canon.cps.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.observability.EventAgeMetrics;
import com.canon.cps.platform.observability.MessageSpans;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table publisher against a fake event table, Axon's in-memory token store and Kafka's mock producer: the
 * position moves only past acknowledged batches, a failed batch is sent again from the stored position, and an
 * index passed before its row committed (a gap) is published when it commits.
 */
class TablePublisherTest {

    private static final String NAME = ContractEventPublisher.PROCESSING_GROUP;

    private final FakeTable table = new FakeTable();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final SimpleEventBus commits = SimpleEventBus.builder().build();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockProducer<String, byte[]> producer;
    private TablePublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.shutDown();
        }
    }

    private void start(boolean autoComplete) {
        // the template closes the producer it was given after a failed send; the real factory's one outlives that
        producer =
                new MockProducer<>(
                        autoComplete, new OnePartition(), new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public void close(Duration timeout) {}
                };
        PlatformProperties properties = new PlatformProperties(
                "sample",
                List.of(),
                "node-1",
                new PlatformProperties.Publisher(
                        true,
                        500,
                        4,
                        (short) -1,
                        Duration.ofSeconds(5),
                        PlatformProperties.Publisher.Mode.TABLE,
                        Duration.ofMillis(20),
                        500),
                new PlatformProperties.Consumer(4, 200, 2000),
                new PlatformProperties.Http(65536),
                new PlatformProperties.Jwt(null, "issuer", "audience"));
        MessageSpans spans = new MessageSpans(Tracer.NOOP);
        ContractEventMapper mapper = event -> event.getPayload() instanceof String account
                ? Optional.of(new OutboundEvent("cps.sample.Happened.v1", account, Map.of("accountId", account)))
                : Optional.empty();
        ContractEventPublisher contract = new ContractEventPublisher(
                mapper,
                new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
                JsonMapper.builder().build(),
                properties,
                meters,
                spans);
        publisher = new TablePublisher(
                NAME,
                table,
                contract,
                tokens,
                NoTransactionManager.INSTANCE,
                commits,
                meters,
                properties.publisher().batchSize(),
                properties.publisher().pollInterval());
        // as ObservabilityAutoConfiguration registers it for every processor
        publisher.registerHandlerInterceptor(new EventAgeMetrics(NAME, meters));
        publisher.start();
    }

    private long stored() {
        TrackingToken token = tokens.fetchToken(NAME, TablePublisher.SEGMENT);
        return token == null ? 0 : token.position().orElse(0);
    }

    private List<String> keys() {
        return producer.history().stream().map(ProducerRecord::key).toList();
    }

    @Test
    void thePositionMovesOnlyWhenTheBrokerAcknowledgedEveryRecordOfTheBatch() {
        table.commit(1, "a");
        table.commit(2, 42); // not published: the mapper maps it to nothing
        table.commit(3, "b");
        table.commit(4, "a");
        start(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);
        assertThat(keys()).containsExactly("a", "b", "a");
        producer.completeNext();
        producer.completeNext();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> stored() == 0);

        assertThat(ages()).as("no age before the position is stored").isZero();

        producer.completeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 4);
        assertThat(producer.history()).hasSize(3);
        assertThat(ages()).as("cps.events.age of every event handled").isEqualTo(4);
    }

    private long ages() {
        return meters.find("cps.events.age").tag("processor", NAME).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    @Test
    void aFailedRecordFailsTheBatch_thePositionStays_andTheBatchIsSentAgainInOrder() {
        table.commit(1, "a");
        table.commit(2, "b");
        start(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
        producer.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("broker away"));
        producer.completeNext();
        await().atMost(Duration.ofSeconds(5)).until(publisher::isError);
        assertThat(stored()).isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 4);
        assertThat(keys()).containsExactly("a", "b", "a", "b");
        producer.completeNext();
        producer.completeNext();
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 2);
        assertThat(publisher.isError()).isFalse();
    }

    @Test
    void anIndexPassedBeforeItsRowCommitted_isPublishedWhenItCommits() {
        table.commit(1, "a");
        table.commit(3, "c"); // index 2 is taken by a transaction that has not committed yet
        start(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 3);
        assertThat(keys()).containsExactly("a", "c");
        assertThat(((GapAwareTrackingToken) tokens.fetchToken(NAME, 0)).getGaps())
                .containsExactly(2L);

        table.commit(2, "b");
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);
        assertThat(keys()).containsExactly("a", "c", "b");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ((GapAwareTrackingToken) tokens.fetchToken(NAME, 0))
                        .getGaps()
                        .isEmpty());
    }

    @Test
    void aCommitInThisProcessWakesThePublisher() {
        start(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> tokens.fetchSegments(NAME).length == 1);
        table.commit(1, "a");
        commits.publish(GenericEventMessage.asEventMessage("a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stored() == 1);
        assertThat(publisher.lag()).isZero();
    }

    /** Every record to partition 0 (the mock producer knows no cluster). */
    private static final class OnePartition implements Partitioner {
        @Override
        public int partition(
                String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
            return 0;
        }

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    /** Rows by global index; a read returns the committed rows after the token or in its gaps, as Axon's does. */
    private static final class FakeTable implements TablePublisher.Source {
        private final Map<Long, Object> rows = new ConcurrentSkipListMap<>();

        void commit(long index, Object payload) {
            rows.put(index, payload);
        }

        @Override
        public EventTableReader.Batch read(TrackingToken token, int max) {
            GapAwareTrackingToken at = (GapAwareTrackingToken) token;
            TreeMap<Long, Object> found = new TreeMap<>();
            rows.forEach((index, payload) -> {
                if (at == null || index > at.getIndex() || at.getGaps().contains(index)) {
                    found.put(index, payload);
                }
            });
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            GapAwareTrackingToken last = at;
            for (Map.Entry<Long, Object> row : found.entrySet()) {
                if (events.size() == max) {
                    break;
                }
                long index = row.getKey();
                last = last == null
                        ? GapAwareTrackingToken.newInstance(
                                index,
                                java.util.stream.LongStream.range(1, index)
                                        .boxed()
                                        .toList())
                        : last.advanceTo(index, 10_000);
                events.add(new GenericTrackedEventMessage<>(last, GenericEventMessage.asEventMessage(row.getValue())));
            }
            return new EventTableReader.Batch(events, events.isEmpty() ? token : last, events.size());
        }

        @Override
        public TrackingToken createHeadToken() {
            return rows.isEmpty()
                    ? null
                    : GapAwareTrackingToken.newInstance(
                            ((ConcurrentSkipListMap<Long, Object>) rows).lastKey(), List.of());
        }
    }
}
