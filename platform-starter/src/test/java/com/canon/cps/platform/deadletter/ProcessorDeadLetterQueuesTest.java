package com.canon.cps.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoSocketReadException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The rule of what is dead-lettered, on a real Axon configuration (in-memory store and queues): a streaming
 * projection parks a failing event and the later events of its aggregate, and goes on with the others; a subscribing
 * processor, also one registered in code, and a halting processor keep throwing.
 */
class ProcessorDeadLetterQueuesTest {

    /** Entries {@code <processing group>:<aggregate id>}: that group's handler fails on that aggregate's events. */
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    private static final List<String> PROJECTED = new CopyOnWriteArrayList<>();
    private static final List<String> POLICED = new CopyOnWriteArrayList<>();
    private static final List<String> PUBLISHED = new CopyOnWriteArrayList<>();

    record Happened(String aggregateId, String what) {}

    @ProcessingGroup("projection")
    static class Projection {
        @EventHandler
        void on(Happened event) {
            fail("projection", event);
            PROJECTED.add(event.what());
        }
    }

    @ProcessingGroup("policies")
    static class Policy {
        @EventHandler
        void on(Happened event) {
            fail("policies", event);
            POLICED.add(event.what());
        }
    }

    @ProcessingGroup("configured-policies")
    static class ConfiguredPolicy {
        @EventHandler
        void on(Happened event) {}
    }

    @ProcessingGroup("publisher")
    static class Publisher {
        @EventHandler
        void on(Happened event) {
            fail("publisher", event);
            PUBLISHED.add(event.what());
        }
    }

    /** Entries {@code <processing group>:<aggregate id>}: that group's store is out of reach for those events. */
    private static final Set<String> UNREACHABLE = ConcurrentHashMap.newKeySet();

    private static final AtomicInteger TRIED_WHILE_UNREACHABLE = new AtomicInteger();

    private static void fail(String group, Happened event) {
        if (FAILING.contains(group + ":" + event.aggregateId())) {
            throw new IllegalStateException("cannot handle " + event.what());
        }
        if (UNREACHABLE.contains(group + ":" + event.aggregateId())) {
            TRIED_WHILE_UNREACHABLE.incrementAndGet();
            throw new DataAccessResourceFailureException(
                    "Prematurely reached end of stream", new MongoSocketReadException("end of stream", null));
        }
    }

    private Configuration config;
    private ProcessorDeadLetterQueues queues;

    @BeforeEach
    void start() {
        FAILING.clear();
        UNREACHABLE.clear();
        TRIED_WHILE_UNREACHABLE.set(0);
        PROJECTED.clear();
        POLICED.clear();
        PUBLISHED.clear();
        EventProcessorProperties properties = new EventProcessorProperties();
        EventProcessorProperties.ProcessorSettings subscribing = new EventProcessorProperties.ProcessorSettings();
        subscribing.setMode(EventProcessorProperties.Mode.SUBSCRIBING);
        properties.getProcessors().put("configured-policies", subscribing);
        queues = new ProcessorDeadLetterQueues(
                properties,
                Set.of("publisher"),
                (group, c) -> InMemorySequencedDeadLetterQueue.defaultQueue(),
                NoTransactionManager.instance());
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        .registerEventHandler(c -> new Projection())
                        .registerEventHandler(c -> new Policy())
                        .registerEventHandler(c -> new ConfiguredPolicy())
                        .registerEventHandler(c -> new Publisher())
                        // as policies registered in code, e.g. account's setup-link store
                        .registerSubscribingEventProcessor("policies")
                        .registerSubscribingEventProcessor("configured-policies")
                        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                        .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance()));
        queues.configureModule(configurer);
        config = configurer.start();
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    @Test
    void streamingProjection_parksTheFailedEventAndTheLaterOnesOfItsAggregate_andGoesOnWithTheOthers() {
        FAILING.add("projection:a");
        publish("a", 0, "a0");
        publish("a", 1, "a1");
        publish("b", 0, "b0");

        await().atMost(Duration.ofSeconds(10)).until(() -> PROJECTED.contains("b0"));
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue("projection");
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.size() == 2);
        assertThat(PROJECTED).containsExactly("b0");
        List<DeadLetter<? extends EventMessage<?>>> letters = letters(queue, "a");
        assertThat(letters.get(0).cause())
                .hasValueSatisfying(c -> assertThat(c.message()).isEqualTo("cannot handle a0"));
        assertThat(letters.get(0).diagnostics()).containsEntry(ProcessorDeadLetterQueues.ATTEMPTS, 1);
        assertThat(letters.get(1).cause())
                .as("waits behind a0 without failing itself")
                .isEmpty();
    }

    @Test
    void aStoreOutOfReach_parksNothing_andTheEventIsProjectedOnceTheStoreIsBack() {
        UNREACHABLE.add("projection:a");
        publish("a", 0, "a0");
        publish("b", 0, "b0");
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue("projection");
        await().atMost(Duration.ofSeconds(30)).until(() -> TRIED_WHILE_UNREACHABLE.get() >= 2);
        assertThat(queue.size())
                .as("a connection lost says nothing about the event")
                .isZero();
        assertThat(PROJECTED).as("the event waits for its store").doesNotContain("a0");

        UNREACHABLE.clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> PROJECTED.contains("a0"));
        assertThat(PROJECTED).containsExactlyInAnyOrder("a0", "b0");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aFailedRedrive_keepsTheSequence_countingTheAttempt_andOneAfterTheFix_processesItInOrder() {
        FAILING.add("projection:a");
        publish("a", 0, "a0");
        publish("a", 1, "a1");
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue("projection");
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.size() == 2);

        assertThat(processing()
                        .sequencedDeadLetterProcessor("projection")
                        .orElseThrow()
                        .processAny())
                .isFalse();
        assertThat(letters(queue, "a").get(0).diagnostics()).containsEntry(ProcessorDeadLetterQueues.ATTEMPTS, 2);

        FAILING.clear();
        assertThat(processing()
                        .sequencedDeadLetterProcessor("projection")
                        .orElseThrow()
                        .processAny())
                .isTrue();
        assertThat(PROJECTED).containsExactly("a0", "a1");
        assertThat(queue.size()).isZero();
    }

    @Test
    void subscribingProcessorRegisteredInCode_keepsThrowing_soTheCommandRollsBack() {
        FAILING.add("policies:p");

        assertThatThrownBy(() -> publish("p", 0, "p0"))
                .as("the handler's own failure, unchanged")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot handle p0");
        assertThat(POLICED).isEmpty();
        assertThat(queue("policies").size()).isZero();
    }

    @Test
    void subscribingProcessorsByConfiguration_andHaltingOnes_haveNoQueue() {
        assertThat(processing().deadLetterQueue("configured-policies")).isEmpty();
        assertThat(processing().deadLetterQueue("publisher")).isEmpty();
        assertThat(queues.processingGroups()).contains("projection").doesNotContain("configured-policies", "publisher");
    }

    private void publish(String aggregateId, long sequence, String what) {
        config.eventStore()
                .publish(new GenericDomainEventMessage<>(
                        "Thing", aggregateId, sequence, new Happened(aggregateId, what)));
    }

    private EventProcessingConfiguration processing() {
        return config.eventProcessingConfiguration();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing().deadLetterQueue(group).orElseThrow();
    }

    private static List<DeadLetter<? extends EventMessage<?>>> letters(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        return letters;
    }
}
