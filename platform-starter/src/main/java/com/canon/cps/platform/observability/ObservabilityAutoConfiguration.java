package com.canon.cps.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Processor lag gauges and the age of events at each processor; counters for published, consumed and dead-lettered
 * events live with their producers. Spans of command and event handling (Kafka's are made by the inbox and the
 * publisher, HTTP's by Spring's observations); the tracer and the OTLP exporter are Spring Boot's
 * ({@code management.tracing.*}, {@code management.opentelemetry.tracing.export.otlp.endpoint}).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStore.class)
    public ProcessorLagMetrics processorLagMetrics(
            EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        return new ProcessorLagMetrics(processing, eventStore, meters);
    }

    /** The platform's message spans; without a tracer (tracing off) a no-op one. */
    @Bean
    public MessageSpans messageSpans(ObjectProvider<Tracer> tracer) {
        return new MessageSpans(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** A span per handled command (Axon registers handler interceptor beans on the command bus). */
    @Bean
    public AxonSpans.Commands commandSpans(MessageSpans spans) {
        return new AxonSpans.Commands(spans);
    }

    /** A span per event at every event processor. */
    @Bean
    public ConfigurerModule eventSpans(MessageSpans spans) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processor) -> new AxonSpans.Events(spans, processor)));
    }

    /** {@code cps.events.age} for every event processor. */
    @Bean
    public ConfigurerModule eventAgeMetrics(MeterRegistry meters) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processor) -> new EventAgeMetrics(processor, meters)));
    }
}
