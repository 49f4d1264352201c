package com.canon.cps.platform.publishing;

import com.canon.cps.platform.config.PlatformProperties;
import com.canon.cps.platform.eventstore.EventTableReader;
import com.canon.cps.platform.observability.MessageSpans;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing of contract events, active in every service that declares a {@link ContractEventMapper}: its topic,
 * a producer with {@code acks=all} and idempotence, and the publisher processor (one segment, events in store order).
 *
 * <p>The publisher is a pooled streaming processor woken by each commit of the service ({@code WakingEventStore}),
 * so an event reaches Kafka within milliseconds of its append instead of at the processor's next poll (every 500 ms,
 * which measured here as 0.4-1.7 s per cross-service hop of a journey).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBean(ContractEventMapper.class)
@ConditionalOnProperty(name = "cps.publisher.enabled", matchIfMissing = true)
public class PublishingAutoConfiguration {

    @Bean
    public NewTopic serviceTopic(PlatformProperties properties) {
        PlatformProperties.Publisher p = properties.publisher();
        return new NewTopic(
                properties.topic(),
                Optional.of(p.partitions()),
                p.replicationFactor() < 0 ? Optional.empty() : Optional.of(p.replicationFactor()));
    }

    @Bean
    public KafkaTemplate<String, byte[]> contractEventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        return new KafkaTemplate<>(factory);
    }

    @Bean
    public ContractEventPublisher contractEventPublisher(
            ContractEventMapper mapper,
            KafkaTemplate<String, byte[]> contractEventKafkaTemplate,
            JsonMapper json,
            PlatformProperties properties,
            MeterRegistry meters,
            MessageSpans spans) {
        return new ContractEventPublisher(mapper, contractEventKafkaTemplate, json, properties, meters, spans);
    }

    /**
     * Who runs the publisher, by {@code cps.publisher.mode}: {@code table} registers a {@link TablePublisher} as the
     * processing group's event processor (it reads the event table itself, docs/adr/0026); {@code processor} a pooled
     * streaming processor (one segment, events in store order).
     */
    @Bean
    public ConfigurerModule contractEventPublisherProcessor(
            PlatformProperties properties,
            ObjectProvider<ContractEventPublisher> publisher,
            ObjectProvider<ConnectionProvider> connections,
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<MeterRegistry> meters) {
        PlatformProperties.Publisher settings = properties.publisher();
        if (settings.mode() == PlatformProperties.Publisher.Mode.TABLE) {
            return configurer -> configurer.eventProcessing(processing -> processing.registerEventProcessor(
                    ContractEventPublisher.PROCESSING_GROUP,
                    (name, config, invoker) -> new TablePublisher(
                            name,
                            TablePublisher.Source.of(EventTableReader.of(
                                    config.serializer(),
                                    config.eventSerializer(),
                                    config.upcasterChain(),
                                    connections.getObject(),
                                    config.getComponent(TransactionManager.class),
                                    jdbc.getObject(),
                                    settings.tableBatchSize())),
                            publisher.getObject(),
                            config.eventProcessingConfiguration().tokenStore(name),
                            config.getComponent(TransactionManager.class),
                            config.eventBus(),
                            meters.getIfAvailable(),
                            settings.tableBatchSize(),
                            settings.pollInterval())));
        }
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        ContractEventPublisher.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) ->
                                builder.batchSize(settings.batchSize()).initialSegmentCount(1))
                .registerSequencingPolicy(ContractEventPublisher.PROCESSING_GROUP, c -> new SequentialPolicy()));
    }
}
