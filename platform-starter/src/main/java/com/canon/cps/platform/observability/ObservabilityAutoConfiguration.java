package com.canon.cps.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Processor lag gauges and the age of events at each processor; counters for published, consumed and dead-lettered
 * events live with their producers.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStore.class)
    public ProcessorLagMetrics processorLagMetrics(
            EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        return new ProcessorLagMetrics(processing, eventStore, meters);
    }

    /** {@code cps.events.age} for every event processor. */
    @Bean
    public ConfigurerModule eventAgeMetrics(MeterRegistry meters) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processor) -> new EventAgeMetrics(processor, meters)));
    }
}
