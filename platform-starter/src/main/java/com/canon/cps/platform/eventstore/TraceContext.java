package com.canon.cps.platform.eventstore;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * W3C trace context ({@code traceparent}) carried from an HTTP request or an inbound Kafka record into command
 * metadata, from there (by Axon's correlation data) into the events, and by the publisher into the Kafka header, so
 * one trace id follows a request across services. Work caused by an inbound record also carries the time the
 * upstream service appended that event ({@value #ORIGIN_TIME_KEY}), from which {@code cps.events.age} measures how
 * long an event took from its append in one service to its handling in the next.
 *
 * <p>The spans themselves are the tracer's ({@code com.canon.cps.platform.observability.MessageSpans}): the current
 * context is OpenTelemetry's, so while a span is open (HTTP request, inbound record, command, event, deadline) the
 * traceparent given to a message is that span's, and the message's handler span becomes its child. Without a
 * recording tracer (a test context with tracing switched off) a message still gets a traceparent in the same trace.
 */
public final class TraceContext {

    public static final String METADATA_KEY = "traceparent";
    /** Metadata: epoch milliseconds at which the upstream service appended the event that caused this work. */
    public static final String ORIGIN_TIME_KEY = "originTime";

    private static final ThreadLocal<Instant> ORIGIN = new ThreadLocal<>();

    private TraceContext() {}

    /**
     * The trace context of the work in progress: the open span (an HTTP request, an inbound record, a command, an event
     * or a deadline being handled), else the message an Axon handler is handling, else the HTTP request's header.
     */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return format(span);
        }
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage().getMetaData().get(METADATA_KEY) instanceof String handled
                && valid(handled)) {
            return handled;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String header = request.getHeader(METADATA_KEY);
            return valid(header) ? header : null;
        }
        return null;
    }

    /** The current span when it is one of this process (not a parent received from elsewhere), else null. */
    static String currentLocalSpan() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() && !span.isRemote() ? format(span) : null;
    }

    /** The current span, of this process or received (a real span either way), else null. */
    static String currentSpan() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? format(span) : null;
    }

    private static String format(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** Runs {@code work} for an inbound record: its trace context, and when its event was appended upstream. */
    public static <T> T with(String traceparent, Instant originTime, Supplier<T> work) {
        Instant previousOrigin = ORIGIN.get();
        ORIGIN.set(originTime);
        try {
            return inTrace(traceparent, work);
        } finally {
            ORIGIN.set(previousOrigin);
        }
    }

    /**
     * Runs {@code work} with {@code traceparent} (received on a record, or kept with a message or a deadline) as the
     * current context: a span started inside becomes its child. An invalid or missing one leaves the context as is.
     */
    public static <T> T inTrace(String traceparent, Supplier<T> work) {
        if (!valid(traceparent)) {
            return work.get();
        }
        SpanContext parent = SpanContext.createFromRemoteParent(
                traceparent.substring(3, 35),
                traceparent.substring(36, 52),
                TraceFlags.fromHex(traceparent, 53),
                TraceState.getDefault());
        if (!parent.isValid()) {
            return work.get();
        }
        try (Scope scope = Context.root().with(Span.wrap(parent)).makeCurrent()) {
            return work.get();
        }
    }

    public static boolean valid(String traceparent) {
        // 00-<32 hex>-<16 hex>-<2 hex>; checked by hand: as a regular expression it took a tenth of the publisher's
        // time per event (JFR, PublisherBenchmark)
        if (traceparent == null
                || traceparent.length() != 55
                || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-'
                || traceparent.charAt(52) != '-') {
            return false;
        }
        for (int i = 3; i < 55; i++) {
            char c = traceparent.charAt(i);
            if (i != 35 && i != 52 && (c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A new span in the given trace, or a new trace when there is none. */
    public static String childOf(String parent) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = valid(parent) ? parent.substring(3, 35) : hex(random, 16);
        return "00-" + traceId + "-" + hex(random, 8) + "-01";
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Gives every dispatched command a traceparent and, when it is caused by an inbound record, the time that record's
     * event was appended upstream. Dispatched inside a span (of this process, or received with a record), the command
     * carries that span, so its handler's span becomes the child; otherwise a child of the request's or handled
     * message's context, or a new trace.
     */
    public static final class CommandTraceInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                CommandMessage<?> traced = command.getMetaData().containsKey(METADATA_KEY)
                        ? command
                        : command.andMetaData(Map.of(METADATA_KEY, dispatchContext()));
                Instant origin = ORIGIN.get();
                return origin == null || traced.getMetaData().containsKey(ORIGIN_TIME_KEY)
                        ? traced
                        : traced.andMetaData(Map.of(ORIGIN_TIME_KEY, origin.toEpochMilli()));
            };
        }
    }

    /** A span that exists (so the handler's span links to it), else a made-up child of what the work carries. */
    private static String dispatchContext() {
        String span = currentSpan();
        return span != null ? span : childOf(current());
    }

    /**
     * Correlation data of the messages created while a message is handled (the events a command applies, the commands
     * an event handler sends): the traceparent of the handler's span when one is open, so they are its children,
     * else the handled message's; and the handled message's upstream append time.
     */
    public static final class Correlation implements CorrelationDataProvider {
        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Object origin = message.getMetaData().get(ORIGIN_TIME_KEY);
            String local = currentLocalSpan();
            Object trace = local != null ? local : message.getMetaData().get(METADATA_KEY);
            if (trace == null) {
                return origin == null ? Map.of() : Map.of(ORIGIN_TIME_KEY, origin);
            }
            return origin == null ? Map.of(METADATA_KEY, trace) : Map.of(METADATA_KEY, trace, ORIGIN_TIME_KEY, origin);
        }
    }
}
