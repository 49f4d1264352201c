package com.canon.cps.platform.deadletter;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A sequenced dead-letter queue in PostgreSQL ({@code deadletterentry}, Axon's JDBC queue with the configured
 * serializers) for every streaming processor that feeds a read model: an event whose handler fails is parked,
 * later events of the same sequence (the aggregate, Axon's default sequencing policy) are parked behind it, and the
 * processor goes on with every other aggregate.
 *
 * <p>Not dead-lettered, by rule:
 *
 * <ul>
 *   <li>the {@code kafka-publisher} outbox processor ({@code halting}): skipping an event would publish the
 *       account's later events without it; it keeps halting and retrying until the broker takes the batch;
 *   <li>subscribing processors (the {@code *-policies} groups, account's setup-link store): they run in the
 *       transaction of the command whose events they handle, and their failure must keep rolling that command back.
 *       Those declared {@code mode: subscribing} in configuration get no queue at all; for one registered in code the
 *       enqueue policy throws the failure on instead of parking it, so the rule does not depend on how it was
 *       registered.
 * </ul>
 *
 * <p>Extends Axon's own provider module so that Axon's ({@code axon.eventhandling.processors.*.dlq.enabled}) backs
 * off: there is one rule for the platform, not a switch per processor.
 */
public class ProcessorDeadLetterQueues extends DeadLetterQueueProviderConfigurerModule {

    /** Diagnostics entry of a letter: how often handling it failed (the first time, then each failed re-drive). */
    static final String ATTEMPTS = "attempts";

    private static final Logger log = LoggerFactory.getLogger(ProcessorDeadLetterQueues.class);

    private final EventProcessorProperties processors;
    private final Set<String> halting;
    private final BiFunction<String, Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queues;
    private final TransactionManager perLetter;
    private final Set<String> groups = new ConcurrentSkipListSet<>();

    /**
     * @param halting processing groups that must halt on a failure rather than park it
     * @param queues the queue of a processing group ({@link #jdbc})
     * @param perLetter the transaction each re-driven letter runs in: a new one, so that a failing handler rolls back
     *     its own work while its letter is requeued in the surrounding one
     */
    public ProcessorDeadLetterQueues(
            EventProcessorProperties processors,
            Set<String> halting,
            BiFunction<String, Configuration, SequencedDeadLetterQueue<EventMessage<?>>> queues,
            TransactionManager perLetter) {
        super(processors, group -> null);
        this.processors = processors;
        this.halting = Set.copyOf(halting);
        this.queues = queues;
        this.perLetter = perLetter;
    }

    /** Queues in {@code deadletterentry}, written with the event's unit of work, serialized as the events are. */
    public static BiFunction<String, Configuration, SequencedDeadLetterQueue<EventMessage<?>>> jdbc(
            Supplier<ConnectionProvider> connections, Supplier<TransactionManager> transactions) {
        return (group, config) -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections.get())
                .transactionManager(transactions.get())
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .build();
    }

    /** Each re-driven letter in a new transaction of the platform's transaction manager. */
    public static TransactionManager newTransactionPerLetter(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(
                transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerDeadLetterQueueProvider(group -> {
            if (!deadLettered(group)) {
                return null;
            }
            groups.add(group);
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                    group,
                    (config, invoker) -> invoker.enqueuePolicy(policy(group, config))
                            .transactionManager(perLetter)
                            // a replay from the start handles every event again: parked ones included
                            .allowReset(true)
                            .enableSequenceIdentifierCache());
            return config -> queues.apply(group, config);
        }));
    }

    /** The processing groups that have a dead-letter queue (known once Axon has built its processors). */
    public Set<String> processingGroups() {
        return new TreeSet<>(groups);
    }

    private boolean deadLettered(String group) {
        if (halting.contains(group)) {
            return false;
        }
        EventProcessorProperties.ProcessorSettings settings =
                processors.getProcessors().get(group);
        return settings == null || settings.getMode() != EventProcessorProperties.Mode.SUBSCRIBING;
    }

    static EnqueuePolicy<EventMessage<?>> policy(String group, Configuration config) {
        return (letter, cause) -> {
            if (!streaming(group, config)) {
                throw ProcessorDeadLetterQueues.<RuntimeException>rethrow(cause);
            }
            if (unavailable(cause)) {
                // nothing is wrong with the event: the processor retries it with back-off until the store is back
                log.warn(
                        "{} waits for its store on event {}: {}",
                        group,
                        letter.message().getIdentifier(),
                        cause);
                throw ProcessorDeadLetterQueues.<RuntimeException>rethrow(cause);
            }
            log.warn(
                    "{} parks event {} ({}): {}",
                    group,
                    letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(),
                    cause.toString());
            return Decisions.enqueue(cause, l -> l.diagnostics().and(ATTEMPTS, attempts(l.diagnostics()) + 1));
        };
    }

    /**
     * Whether the failure says a store was out of reach (the read-model store restarting, the database failing over,
     * a connection lost or timed out) rather than anything about the event: such an event is retried in place, never
     * parked, or a few seconds of outage would leave projections behind until an operator re-drives them.
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean streaming(String group, Configuration config) {
        return config.eventProcessingConfiguration()
                .<EventProcessor>eventProcessorByProcessingGroup(group)
                .map(StreamingEventProcessor.class::isInstance)
                .orElse(false);
    }

    static int attempts(MetaData diagnostics) {
        Object attempts = diagnostics == null ? null : diagnostics.get(ATTEMPTS);
        return attempts instanceof Number n ? n.intValue() : 0;
    }

    /** Throws the handler's failure unchanged, as the processor would have without a queue. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException rethrow(Throwable failure) throws E {
        throw (E) failure;
    }
}
