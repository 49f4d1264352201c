package com.canon.cps.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * {@code cps.processor.lag{processor}}: events in the store not yet handled by each streaming processor (publisher
 * and projections), i.e. the head position minus the lowest segment position.
 */
public class ProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("cps.processor.lag", () -> lag(streaming))
                        .description("Events in the store not yet handled by the processor")
                        .tag("processor", name)
                        .register(meters);
            }
        });
    }

    public long lag(StreamingEventProcessor processor) {
        return Math.max(0, head() - position(processor));
    }

    /** Global index of the newest event in the store (0 when empty). */
    public long head() {
        return position(eventStore.createHeadToken()).orElse(0);
    }

    /** The lowest position among the processor's segments claimed here (-1 when none has handled an event). */
    public long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1))
                .min()
                .orElse(-1);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
