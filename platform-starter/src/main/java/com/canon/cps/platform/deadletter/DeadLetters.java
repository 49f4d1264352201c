package com.canon.cps.platform.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The dead letters of this service, both kinds behind one set of operations: the records its Kafka consumers parked
 * on their dead-letter topics and the events its processors parked in Axon's dead-letter queue. Only open letters
 * are listed; a letter that was re-driven or discarded is gone.
 *
 * <p>The gauges are refreshed on a schedule and after every operator action, never by a scrape.
 */
public class DeadLetters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final List<DeadLetterSource> sources;
    private final DeadLetterMetrics metrics;
    private final Duration refreshInterval;
    private final String service;
    private ScheduledExecutorService scheduler;

    /** @param sources the kinds of letters; re-driving all goes through them in this order */
    DeadLetters(List<DeadLetterSource> sources, DeadLetterMetrics metrics, Duration refreshInterval, String service) {
        this.sources = List.copyOf(sources);
        this.metrics = metrics;
        this.refreshInterval = refreshInterval;
        this.service = service;
    }

    /** Every open letter, the oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.open()));
        // stable: letters parked at the same instant keep their order (a processor's sequence, in sequence order)
        all.sort(Comparator.comparing(DeadLetter::firstFailedAt));
        metrics.update(all);
        return all;
    }

    /** An open letter with its payload and headers. */
    public Optional<DeadLetter> find(String id) {
        return source(id).flatMap(source -> source.find(id));
    }

    /** Re-drives one open letter; empty when there is no such open letter. */
    public Optional<RetryResult> retry(String id) {
        try {
            return source(id).flatMap(source -> source.retry(id));
        } finally {
            refresh();
        }
    }

    /**
     * Re-drives every letter open now: Kafka records in the order they were parked, processor letters sequence by
     * sequence from the first letter on.
     */
    public RetryAllResult retryAll() {
        try {
            List<RetryResult> results = new ArrayList<>();
            sources.forEach(source -> results.addAll(source.retryAll()));
            int processed = (int) results.stream()
                    .filter(r -> r.outcome() == RetryResult.Outcome.PROCESSED)
                    .count();
            return new RetryAllResult(results.size(), processed, results.size() - processed);
        } finally {
            refresh();
        }
    }

    /**
     * Discards an open letter for good, recording who, when and why.
     *
     * @return false when there is no such open letter
     */
    public boolean discard(String id, String by, String reason) {
        try {
            return source(id).map(source -> source.discard(id, by, reason)).orElse(false);
        } finally {
            refresh();
        }
    }

    /**
     * Discards every open letter that holds up or names {@code subjectId} (an erased account, ADR 23): it leaves the
     * list and is never re-driven; a processor's letter is deleted, a Kafka letter stays on its dead-letter topic only
     * until the topic's retention removes it.
     *
     * @return how many letters were discarded
     */
    public int discardAllOf(String subjectId, String by, String reason) {
        String quoted = "\"" + subjectId + "\"";
        int discarded = 0;
        for (DeadLetter letter : list()) {
            if (subjectId.equals(letter.key())
                    || (letter.payload() != null && letter.payload().contains(quoted))) {
                if (discard(letter.id(), by, reason)) {
                    discarded++;
                }
            }
        }
        return discarded;
    }

    /** Re-reads both kinds and updates the gauges; a failure (broker down) keeps the last values. */
    public void refresh() {
        try {
            list();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the dead letters of {}: {}", service, e.toString());
        }
    }

    /** Registers the gauges of every source and starts the periodic refresh. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        sources.forEach(source -> source.sources().forEach(metrics::register));
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, service + "-dead-letters");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scheduledRefresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduledRefresh() {
        try {
            sources.forEach(DeadLetterSource::maintain);
        } catch (RuntimeException e) {
            log.warn("Could not release the waiting dead letters of {}: {}", service, e.toString());
        }
        refresh();
    }

    private Optional<DeadLetterSource> source(String id) {
        return sources.stream().filter(source -> source.holds(id)).findFirst();
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** What went wrong, for an operator: the message of the innermost cause, else its type. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getName() : message;
    }
}
