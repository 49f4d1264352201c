package com.canon.cps.platform.observability;

import com.canon.cps.platform.eventstore.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code cps.events.age{processor, origin}}: how old an event is when a processor has handled it and committed,
 * measured from the append of the event that caused it. {@code origin=upstream}: the work began with an inbound
 * record, and the age counts from the moment the upstream service appended that record's event (its {@code ce_time})
 * — for a projection, the time from an append in one service to the read model updated in the next.
 * {@code origin=local}: from the append of the event itself. A histogram, so percentiles can be read across
 * instances; 250 ms is marked as a service-level objective.
 *
 * <p>The clocks of different hosts enter the upstream figure: it is as exact as their synchronisation.
 */
public final class EventAgeMetrics implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Timer upstream;
    private final Timer local;

    public EventAgeMetrics(String processor, MeterRegistry meters) {
        this.upstream = timer(processor, "upstream", meters);
        this.local = timer(processor, "local", meters);
    }

    private static Timer timer(String processor, String origin, MeterRegistry meters) {
        return Timer.builder("cps.events.age")
                .description("Time from the append of the causing event to its handling by the processor")
                .tag("processor", processor)
                .tag("origin", origin)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Object result = chain.proceed();
        unitOfWork.afterCommit(u -> handled(event));
        return result;
    }

    /**
     * Records the age of {@code event}, handled and committed now; for a processor that runs no handler interceptors
     * (the table publisher, which calls it once the position past the event is stored).
     */
    public void handled(EventMessage<?> event) {
        long now = GenericEventMessage.clock.millis(); // the clock that stamps events
        if (event.getMetaData().get(TraceContext.ORIGIN_TIME_KEY) instanceof Number millis) {
            upstream.record(Math.max(0, now - millis.longValue()), TimeUnit.MILLISECONDS);
        } else {
            Instant appended = event.getTimestamp();
            local.record(Math.max(0, now - appended.toEpochMilli()), TimeUnit.MILLISECONDS);
        }
    }
}
