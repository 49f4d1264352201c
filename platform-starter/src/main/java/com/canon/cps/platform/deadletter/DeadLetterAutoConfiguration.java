package com.canon.cps.platform.deadletter;

import com.canon.cps.platform.config.PlatformDefaults;
import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.consuming.EventInbox;
import com.canon.cps.platform.eventstore.EventStoreAutoConfiguration;
import com.canon.cps.platform.publishing.ContractEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Dead letters in every service: Axon dead-letter queues for its projection processors, and the operators' API and
 * gauges over those and its Kafka dead-letter topics. Runs before Axon's JDBC auto-configuration, whose own
 * dead-letter queue provider then backs off.
 */
@AutoConfiguration(
        after = EventStoreAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class DeadLetterAutoConfiguration {

    @Bean
    public ProcessorDeadLetterQueues processorDeadLetterQueues(
            EventProcessorProperties processors,
            ObjectProvider<ConnectionProvider> connections,
            ObjectProvider<TransactionManager> transactions,
            PlatformTransactionManager platformTransactions) {
        return new ProcessorDeadLetterQueues(
                processors,
                Set.of(ContractEventPublisher.PROCESSING_GROUP),
                ProcessorDeadLetterQueues.jdbc(connections::getObject, transactions::getObject),
                ProcessorDeadLetterQueues.newTransactionPerLetter(platformTransactions));
    }

    @Bean
    public DeadLetters deadLetters(
            PlatformProperties properties,
            Environment environment,
            KafkaProperties kafka,
            EventInbox inbox,
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            ProcessorDeadLetterQueues queues,
            MeterRegistry meters,
            @Value("${cps.dead-letters.refresh-interval:30s}") Duration refreshInterval) {
        DeadLetterStateStore state = new DeadLetterStateStore(jdbc);
        List<KafkaDeadLetters.Topic> topics = properties.consumes().stream()
                .map(source -> new KafkaDeadLetters.Topic(
                        environment.getProperty(
                                "spring.cloud.stream.kafka.bindings." + PlatformDefaults.bindingName(source)
                                        + ".consumer.dlq-name",
                                PlatformDefaults.deadLetterTopic(source, properties.service())),
                        PlatformDefaults.consumerName(source)))
                .toList();
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put("client.id", properties.consumerGroup() + "-dead-letters");
        return new DeadLetters(
                List.of(
                        new KafkaDeadLetters(
                                topics,
                                consumer,
                                inbox,
                                state,
                                properties.consumer().maxAttempts()),
                        new ProcessorDeadLetters(jdbc, processing, state, queues::processingGroups)),
                new DeadLetterMetrics(meters),
                refreshInterval,
                properties.consumerGroup());
    }

    @Bean
    public DeadLetterController deadLetterController(
            DeadLetters deadLetters, com.canon.cps.platform.audit.OperatorAudit audit) {
        return new DeadLetterController(deadLetters, audit);
    }
}
