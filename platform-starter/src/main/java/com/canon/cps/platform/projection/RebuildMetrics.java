package com.canon.cps.platform.projection;

import com.canon.cps.platform.projection.ProjectionRebuilds.RebuildStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The gauges of rebuilds per projection ({@code cps.projection.rebuild.processed|total|rate}), from the status last
 * known on this instance.
 */
final class RebuildMetrics {

    private final MeterRegistry meters;
    private final Map<String, RebuildStatus> lastKnown = new ConcurrentHashMap<>();

    RebuildMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void register(String name) {
        Gauge.builder("cps.projection.rebuild.processed", lastKnown, m -> value(m, name, RebuildStatus::processed))
                .description("Events of the event table a rebuild has gone through")
                .tag("projection", name)
                .register(meters);
        Gauge.builder("cps.projection.rebuild.total", lastKnown, m -> value(m, name, RebuildStatus::total))
                .description("Events in the event table when the rebuild last counted")
                .tag("projection", name)
                .register(meters);
        Gauge.builder("cps.projection.rebuild.rate", lastKnown, m -> value(m, name, RebuildStatus::eventsPerSecond))
                .description("Events per second of the running rebuild")
                .baseUnit("events/s")
                .tag("projection", name)
                .register(meters);
    }

    void record(String name, RebuildStatus status) {
        lastKnown.put(name, status);
    }

    private static double value(Map<String, RebuildStatus> known, String name, ToDoubleFunction<RebuildStatus> f) {
        RebuildStatus status = known.get(name);
        return status == null ? 0 : f.applyAsDouble(status);
    }
}
