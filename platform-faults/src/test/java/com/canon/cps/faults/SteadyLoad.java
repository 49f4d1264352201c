package com.canon.cps.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady journey load: a new {@link ResumableJourney} every {@code interval} (while fewer than {@code workers + 2}
 * are in progress, so that an outage does not pile up a backlog), each driven by one of {@code workers} threads
 * until it is done. A step that fails (the platform is down, an answer was lost, a projection is behind) is tried
 * again after a short pause, for as long as the run lasts; after {@link #stopStarting()} the journeys in progress go
 * on until {@link #finish} gives up on them.
 */
final class SteadyLoad {

    private final Http http;
    private final Duration interval;
    private final int workers;
    private final String run;
    private final ExecutorService pool;
    private final Thread starter;
    private final AtomicBoolean starting = new AtomicBoolean(true);
    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile long giveUpAt = Long.MAX_VALUE;
    final List<ResumableJourney> journeys = new CopyOnWriteArrayList<>();
    /** Failed attempts of a step, by step and kind of failure (they are expected under faults, and retried). */
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    final Map<ResumableJourney, String> lastError = new ConcurrentHashMap<>();

    SteadyLoad(Http http, Duration interval, int workers, String run) {
        this.http = http;
        this.interval = interval;
        this.workers = workers;
        this.run = run;
        this.pool = Executors.newFixedThreadPool(workers);
        this.starter = new Thread(this::startJourneys, "journey-starter");
        this.starter.setDaemon(true);
    }

    void start() {
        starter.start();
    }

    private void startJourneys() {
        int n = 0;
        while (starting.get()) {
            if (inProgress.get() < workers + 2) {
                ResumableJourney journey = new ResumableJourney(run + "-" + n++);
                journeys.add(journey);
                inProgress.incrementAndGet();
                pool.execute(() -> drive(journey));
            }
            pause(interval.toMillis());
        }
    }

    private void drive(ResumableJourney journey) {
        long backoff = 250;
        try {
            while (!journey.done() && System.currentTimeMillis() < giveUpAt) {
                String step = journey.step();
                try {
                    journey.advance(http);
                    backoff = 250;
                } catch (ResumableJourney.NotYet | Http.Unreachable e) {
                    lastError.put(journey, step + ": " + e.getMessage());
                    if (!(e instanceof ResumableJourney.NotYet)
                            || !e.getMessage().startsWith("no ")) {
                        failures.computeIfAbsent(step + ": " + kind(e), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    pause(backoff);
                    backoff = Math.min(3000, backoff * 3 / 2);
                } catch (RuntimeException e) {
                    lastError.put(journey, step + ": " + e);
                    failures.computeIfAbsent(step + ": " + e.getClass().getSimpleName(), k -> new AtomicInteger())
                            .incrementAndGet();
                    pause(1000);
                }
            }
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private static String kind(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof Http.Unreachable) {
            return "no answer (" + message + ")";
        }
        // "expected 201: HTTP 503: {...}" -> "expected 201: HTTP 503"
        int body = message.indexOf(": {");
        return body > 0 ? message.substring(0, body) : message.length() > 80 ? message.substring(0, 80) : message;
    }

    void stopStarting() {
        starting.set(false);
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the journeys in progress go on for at most {@code settle}; returns the time it took them. */
    Duration finish(Duration settle) throws InterruptedException {
        long started = System.nanoTime();
        giveUpAt = System.currentTimeMillis() + settle.toMillis();
        pool.shutdown();
        if (!pool.awaitTermination(settle.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    long completed() {
        return journeys.stream().filter(ResumableJourney::done).count();
    }

    Map<String, Integer> failureSummary() {
        Map<String, Integer> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
