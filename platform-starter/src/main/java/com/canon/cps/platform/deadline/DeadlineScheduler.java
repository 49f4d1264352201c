package com.canon.cps.platform.deadline;

import com.canon.cps.platform.eventstore.TraceContext;
import com.canon.cps.platform.observability.MessageSpans;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persistent deadlines on the business clock. {@link #schedule} stores a deadline (idempotent per id, so an event
 * handler may schedule again on replay); a poller fires the due ones, each in its own transaction together with the
 * deletion of its row, so a deadline fires once even across restarts and instances. A handler that throws leaves
 * the deadline in place and it is retried with back-off.
 *
 * <p>Deadlines are due by the injected {@link Clock}: moving the local business clock forward makes them fire.
 */
public class DeadlineScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration pollInterval;
    private final MessageSpans spans;
    private final Map<String, Handler<?>> handlers = new ConcurrentHashMap<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread poller;

    public DeadlineScheduler(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock,
            Duration pollInterval,
            MessageSpans spans) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.spans = spans;
    }

    private record Handler<T>(Class<T> payloadType, Consumer<T> action) {}

    /** Registers what happens when a deadline of this name is due. */
    public <T> void onDue(String name, Class<T> payloadType, Consumer<T> action) {
        handlers.put(name, new Handler<>(payloadType, action));
    }

    /**
     * Schedules (or moves) deadline {@code id}; joins the caller's transaction if there is one. A deadline due before
     * the next poll wakes the poller as soon as it is committed.
     */
    public void schedule(String id, String name, Instant dueAt, Object payload) {
        jdbc.update("""
                INSERT INTO scheduled_deadline (deadline_id, name, due_at, payload, traceparent) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (deadline_id) DO UPDATE SET name = EXCLUDED.name, due_at = EXCLUDED.due_at,
                    payload = EXCLUDED.payload, traceparent = EXCLUDED.traceparent, attempts = 0, last_error = NULL""", id, name, Timestamp.from(dueAt), json.writeValueAsString(payload), TraceContext.current());
        if (dueAt.isBefore(clock.instant().plus(pollInterval))) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wakeUp.release();
                    }
                });
            } else {
                wakeUp.release();
            }
        }
    }

    /**
     * Cancels deadline {@code id}; nothing happens if it already fired or never existed. Never waits: a deadline that
     * is firing at this moment is left alone (its handler must cope with the state it finds), because waiting for its
     * row could deadlock with the aggregate lock the handler itself is waiting for.
     */
    public void cancel(String id) {
        jdbc.update(
                "DELETE FROM scheduled_deadline WHERE deadline_id IN"
                        + " (SELECT deadline_id FROM scheduled_deadline WHERE deadline_id = ? FOR UPDATE SKIP LOCKED)",
                id);
    }

    /** Fires every deadline due now; returns how many fired. Called by the poller (and by tests). */
    public int fireDue() {
        int fired = 0;
        while (true) {
            Due due;
            try {
                due = transactions.execute(tx -> fireOne());
            } catch (DeadlineFailed failed) {
                reschedule(failed);
                continue;
            }
            if (due == null) {
                return fired;
            }
            fired++;
        }
    }

    private record Due(String id, String name) {}

    /** Claims the next due deadline and runs its handler; the handler's work and the deletion commit together. */
    private Due fireOne() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT deadline_id, name, payload, attempts, traceparent FROM scheduled_deadline WHERE due_at <= ?"
                        + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED",
                Timestamp.from(clock.instant()));
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        String id = (String) row.get("deadline_id");
        String name = (String) row.get("name");
        try {
            Handler<?> handler = handlers.get(name);
            if (handler == null) {
                throw new IllegalStateException("no handler for deadline " + name);
            }
            // what the deadline causes belongs to the trace of the work that scheduled it: a span, its child
            TraceContext.with(
                    (String) row.get("traceparent"),
                    null,
                    () -> spans.inSpanUnchecked("deadline " + name, null, null, Map.of("cps.deadline.id", id), () -> {
                        invoke(handler, (String) row.get("payload"));
                        return null;
                    }));
        } catch (RuntimeException e) {
            throw new DeadlineFailed(id, name, ((Number) row.get("attempts")).intValue() + 1, e);
        }
        jdbc.update("DELETE FROM scheduled_deadline WHERE deadline_id = ?", id);
        return new Due(id, name);
    }

    /** After the failed attempt rolled back: count it and try again later (exponential, at most 5 minutes). */
    private void reschedule(DeadlineFailed failed) {
        Duration backOff = Duration.ofSeconds(Math.min(300, 1L << Math.min(failed.attempts, 8)));
        String error = failed.getCause().toString();
        log.warn("Deadline {} ({}) failed, attempt {}: {}", failed.id, failed.name, failed.attempts, error);
        jdbc.update(
                "UPDATE scheduled_deadline SET attempts = ?, last_error = ?, due_at = ? WHERE deadline_id = ?",
                failed.attempts,
                error.length() > 1000 ? error.substring(0, 1000) : error,
                Timestamp.from(clock.instant().plus(backOff)),
                failed.id);
    }

    private static final class DeadlineFailed extends RuntimeException {
        final String id;
        final String name;
        final int attempts;

        DeadlineFailed(String id, String name, int attempts, RuntimeException cause) {
            super(cause);
            this.id = id;
            this.name = name;
            this.attempts = attempts;
        }
    }

    private <T> void invoke(Handler<T> handler, String payload) {
        handler.action().accept(json.readValue(payload, handler.payloadType()));
    }

    @Override
    public void start() {
        Thread t = new Thread(this::loop, "deadline-poller");
        t.setDaemon(true);
        poller = t;
        t.start();
    }

    private void loop() {
        while (poller != null) {
            try {
                fireDue();
                if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Deadline poll failed: {}", e.toString());
            }
        }
    }

    @Override
    public void stop() {
        Thread t = poller;
        poller = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
