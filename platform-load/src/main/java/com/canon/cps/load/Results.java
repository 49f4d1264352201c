package com.canon.cps.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the journeys of one run recorded, thread-safe. Only journeys started in the measured window ("measured") count
 * in the latencies, counts and errors; warm-up journeys are only counted. Completion times of all journeys are kept,
 * so throughput is what completed within the window, whenever it started.
 */
final class Results {

    static final int ERROR_SAMPLES = 3;

    private final Map<String, LatencyStats> steps = new LinkedHashMap<>();
    private final LatencyStats journeys = new LatencyStats();
    private final Counts measured = new Counts();
    private final Counts warmup = new Counts();
    private final AtomicLong skipped = new AtomicLong();
    private final List<Long> completionTimes = new ArrayList<>();
    private final Map<String, StepErrors> errors = new TreeMap<>();

    Results(List<String> stepNames) {
        stepNames.forEach(name -> steps.put(name, new LatencyStats()));
    }

    static final class Counts {
        final AtomicLong started = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }

    /** Errors of one step by kind (e.g. {@code HTTP 500 (expected 201)}), with the first few details. */
    static final class StepErrors {
        final Map<String, Long> byKind = new TreeMap<>();
        final List<String> samples = new ArrayList<>();

        long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    void stepDone(String step, long nanos, boolean isMeasured) {
        if (isMeasured) {
            steps.get(step).record(nanos);
        }
    }

    synchronized void stepFailed(String step, String kind, String detail, boolean isMeasured) {
        if (!isMeasured) {
            return;
        }
        StepErrors e = errors.computeIfAbsent(step, s -> new StepErrors());
        e.byKind.merge(kind, 1L, Long::sum);
        if (e.samples.size() < ERROR_SAMPLES && detail != null) {
            e.samples.add(detail);
        }
    }

    void journeyStarted(boolean isMeasured) {
        counts(isMeasured).started.incrementAndGet();
    }

    void journeyCompleted(long nanos, long completedAtNanos, boolean isMeasured) {
        counts(isMeasured).completed.incrementAndGet();
        if (isMeasured) {
            journeys.record(nanos);
        }
        synchronized (completionTimes) {
            completionTimes.add(completedAtNanos);
        }
    }

    void journeyFailed(boolean isMeasured) {
        counts(isMeasured).failed.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    /** Journeys (of any start time) that completed within {@code [fromNanos, toNanos]}. */
    long completedBetween(long fromNanos, long toNanos) {
        synchronized (completionTimes) {
            return completionTimes.stream()
                    .filter(t -> t >= fromNanos && t <= toNanos)
                    .count();
        }
    }

    /** The last completion of any journey, or {@code fallback} if none completed. */
    long lastCompletion(long fallback) {
        synchronized (completionTimes) {
            return completionTimes.stream().mapToLong(Long::longValue).max().orElse(fallback);
        }
    }

    private Counts counts(boolean isMeasured) {
        return isMeasured ? measured : warmup;
    }

    Counts measured() {
        return measured;
    }

    Counts warmup() {
        return warmup;
    }

    long skippedCount() {
        return skipped.get();
    }

    LatencyStats journeyLatency() {
        return journeys;
    }

    Map<String, LatencyStats> stepLatencies() {
        return steps;
    }

    synchronized Map<String, StepErrors> errors() {
        return new TreeMap<>(errors);
    }
}
