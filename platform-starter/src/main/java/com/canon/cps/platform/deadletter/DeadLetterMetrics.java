package com.canon.cps.platform.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code cps.dead_letters.open{source}} and {@code cps.dead_letters.oldest_age_seconds{source}}. A scrape reads the
 * counts of the last refresh ({@link DeadLetters#refresh}), never the topics themselves; the age of the oldest letter
 * is computed at the scrape, so it grows between refreshes as it should.
 */
class DeadLetterMetrics {

    private record Summary(long open, Instant oldest) {}

    private final MeterRegistry meters;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Summary> summaries = Map.of();

    DeadLetterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Shows {@code source} with 0 until it has letters, so a dashboard sees every source of the service. */
    void register(String source) {
        if (!registered.add(source)) {
            return;
        }
        Gauge.builder("cps.dead_letters.open", this, m -> m.open(source))
                .description("Open dead letters (parked Kafka records, parked processor events)")
                .tag("source", source)
                .register(meters);
        Gauge.builder("cps.dead_letters.oldest_age_seconds", this, m -> m.oldestAgeSeconds(source))
                .description("Age of the oldest open dead letter; 0 when there is none")
                .tag("source", source)
                .baseUnit("seconds")
                .register(meters);
    }

    void update(List<DeadLetter> open) {
        Map<String, Summary> next = new HashMap<>();
        for (DeadLetter letter : open) {
            next.merge(
                    letter.source(),
                    new Summary(1, letter.firstFailedAt()),
                    (a, b) -> new Summary(a.open() + b.open(), earlier(a.oldest(), b.oldest())));
        }
        next.keySet().forEach(this::register);
        summaries = Map.copyOf(next);
    }

    double open(String source) {
        Summary s = summaries.get(source);
        return s == null ? 0 : s.open();
    }

    double oldestAgeSeconds(String source) {
        Summary s = summaries.get(source);
        if (s == null || s.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(s.oldest(), Instant.now()).toMillis() / 1000.0);
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
