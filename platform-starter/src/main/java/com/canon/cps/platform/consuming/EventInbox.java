package com.canon.cps.platform.consuming;

import com.canon.cps.platform.eventstore.IsoInstants;
import com.canon.cps.platform.eventstore.TraceContext;
import com.canon.cps.platform.observability.MessageSpans;
import com.canon.cps.platform.publishing.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Spring Cloud Stream consumers of a service. Delivery is at least once; the inbox makes handling
 * effectively once: a row keyed by (consumer, {@code ce_id}) is inserted in the same PostgreSQL transaction as the
 * handler's effect (a command's events, a send-log row), so a redelivered or re-published record does nothing.
 * A handler that throws rolls both back; the binder retries with back-off, then dead-letters the record and goes
 * on. Unknown types are skipped (tolerant reader); unknown fields are ignored by the JSON mapper.
 *
 * <p>An operator re-drives a dead-lettered record with {@link #redrive}: in this process, through the same
 * consumer's handler and inbox row, so it takes effect once however often it is re-driven or was redelivered.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final MessageSpans spans;
    private final Map<String, Map<String, Route<?>>> consumers = new ConcurrentHashMap<>();

    public EventInbox(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JsonMapper json,
            MeterRegistry meters,
            int maxAttempts,
            MessageSpans spans) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.spans = spans;
    }

    /** Starts a consumer for the topic of {@code sourceService}; name it like the binding's function. */
    public Builder consumer(String name) {
        return new Builder(name);
    }

    /** What a re-driven record did: its handler ran, it had been handled before, or no handler takes its type. */
    public enum Outcome {
        HANDLED,
        DUPLICATE,
        IGNORED
    }

    /** Handles one inbound event inside the inbox transaction. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(InboundEvent<T> event);
    }

    private record Route<T>(Class<T> payloadType, Handler<T> handler) {}

    public final class Builder {
        private final String name;
        private final Map<String, Route<?>> routes = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Routes a {@code ce_type} (e.g. {@code cps.account.AccountApplicationSubmitted.v1}) to a handler. */
        public <T> Builder on(String type, Class<T> payloadType, Handler<T> handler) {
            routes.put(type, new Route<>(payloadType, handler));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<String, Route<?>> table = Map.copyOf(routes);
            consumers.put(name, table);
            return message -> receive(name, table, message);
        }
    }

    private void receive(String consumer, Map<String, Route<?>> routes, Message<byte[]> message) {
        String type = header(message, CloudEventHeaders.TYPE);
        String id = header(message, CloudEventHeaders.ID);
        Route<?> route = type == null ? null : routes.get(type);
        if (route == null || id == null) {
            count(consumer, type, "ignored");
            log.debug("{} ignores record of type {}", consumer, type);
            return;
        }
        try {
            boolean handled = TraceContext.with(
                    header(message, CloudEventHeaders.TRACEPARENT),
                    time(header(message, CloudEventHeaders.TIME)),
                    () -> consumed(consumer, type, id, () -> handle(consumer, id, route, message, null)));
            count(consumer, type, handled ? "handled" : "duplicate");
        } catch (RuntimeException e) {
            // the binder's retry counter is an AtomicInteger: a typed get(..., Integer.class) would throw here and
            // replace the handler's exception (the one the dead-letter headers should carry)
            Object attempts = message.getHeaders().get(IntegrationMessageHeaderAccessor.DELIVERY_ATTEMPT);
            Integer attempt = attempts instanceof Number n ? n.intValue() : null;
            boolean last = attempt != null && attempt >= maxAttempts;
            count(consumer, type, last ? "dead-lettered" : "failed");
            log.warn("{} failed on {} {} (attempt {}): {}", consumer, type, id, attempt, e.toString());
            throw e;
        }
    }

    /**
     * Handles a dead-lettered record again, now, through the handler of consumer {@code consumer} (the name it was
     * built with), in one transaction with its inbox row and with {@code alsoInTransaction}: either all of it
     * commits or nothing does. A failure of the handler is thrown to the caller.
     *
     * @throws IllegalArgumentException when this service has no consumer of that name
     */
    public Outcome redrive(String consumer, Message<byte[]> message, Runnable alsoInTransaction) {
        Map<String, Route<?>> routes = consumers.get(consumer);
        if (routes == null) {
            throw new IllegalArgumentException("This service has no consumer " + consumer);
        }
        String type = header(message, CloudEventHeaders.TYPE);
        String id = header(message, CloudEventHeaders.ID);
        Route<?> route = type == null ? null : routes.get(type);
        if (route == null || id == null) {
            transactions.executeWithoutResult(tx -> alsoInTransaction.run());
            count(consumer, type, "ignored");
            return Outcome.IGNORED;
        }
        boolean handled = TraceContext.with(
                header(message, CloudEventHeaders.TRACEPARENT),
                time(header(message, CloudEventHeaders.TIME)),
                () -> consumed(consumer, type, id, () -> handle(consumer, id, route, message, alsoInTransaction)));
        count(consumer, type, handled ? "redriven" : "duplicate");
        return handled ? Outcome.HANDLED : Outcome.DUPLICATE;
    }

    /** A consumer span, a child of the record's {@code traceparent} (made current by {@link TraceContext#with}). */
    private boolean consumed(String consumer, String type, String id, java.util.function.Supplier<Boolean> work) {
        return spans.inSpanUnchecked(
                "consume " + type,
                Span.Kind.CONSUMER,
                null,
                Map.of(
                        "messaging.system",
                        "kafka",
                        "messaging.consumer.group.name",
                        consumer,
                        "messaging.message.id",
                        id),
                work::get);
    }

    private <T> boolean handle(
            String consumer, String id, Route<T> route, Message<byte[]> message, Runnable alsoInTransaction) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            int inserted = jdbc.update(
                    "INSERT INTO processed_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    consumer,
                    id);
            if (inserted > 0) {
                T data = json.readValue(message.getPayload(), route.payloadType());
                route.handler()
                        .handle(new InboundEvent<>(
                                id,
                                header(message, CloudEventHeaders.TYPE),
                                header(message, CloudEventHeaders.SOURCE),
                                header(message, CloudEventHeaders.SUBJECT),
                                time(header(message, CloudEventHeaders.TIME)),
                                data));
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run();
            }
            return inserted > 0;
        }));
    }

    private void count(String consumer, String type, String outcome) {
        Counter.builder("cps.events.consumed")
                .description("Inbound contract events by outcome")
                .tag("consumer", consumer)
                .tag("type", type == null ? "none" : type)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static Instant time(String value) {
        try {
            return value == null ? null : IsoInstants.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
