package com.canon.cps.platform.observability;

import com.canon.cps.platform.eventstore.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The spans of the platform's own message handling, made with the Micrometer {@link Tracer} (HTTP in and out are
 * Spring's observations): an inbound Kafka record, a record sent, an Axon command, an event at a processor, a
 * deadline. Each is a child of the {@code traceparent} the work carries and is current while the work runs, so the
 * messages the work creates carry the span (see {@link TraceContext}) and every log line its trace and span id.
 * With tracing switched off (a no-op tracer) the work runs as before.
 */
public final class MessageSpans {

    private final Tracer tracer;

    public MessageSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} in a new span of {@code kind} (null: internal), a child of {@code traceparent} (or of the
     * current span when it is null).
     */
    public <T> T inSpan(String name, Span.Kind kind, String traceparent, Map<String, String> tags, Callable<T> work)
            throws Exception {
        Callable<T> spanned = () -> {
            Span span = start(name, kind, tags);
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                return work.call();
            } catch (Exception | Error e) {
                span.error(e);
                throw e;
            } finally {
                span.end();
            }
        };
        if (traceparent == null) {
            return spanned.call();
        }
        try {
            return TraceContext.inTrace(traceparent, () -> {
                try {
                    return spanned.call();
                } catch (Exception e) {
                    throw new Thrown(e);
                }
            });
        } catch (Thrown thrown) {
            throw (Exception) thrown.getCause();
        }
    }

    /** {@link #inSpan} for work that throws no checked exception. */
    public <T> T inSpanUnchecked(
            String name, Span.Kind kind, String traceparent, Map<String, String> tags, Callable<T> work) {
        try {
            return inSpan(name, kind, traceparent, tags, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a span for a record about to be sent, a child of the current span; the caller ends it when the broker
     * acknowledged. Null when tracing is off.
     */
    public Span startProducer(String name, Map<String, String> tags) {
        Span span = start(name, Span.Kind.PRODUCER, tags);
        return span.isNoop() ? null : span;
    }

    /** A span of {@code kind} (null: internal), a child of the current context. */
    private Span start(String name, Span.Kind kind, Map<String, String> tags) {
        Span.Builder builder = tracer.spanBuilder().name(name);
        if (kind != null) {
            builder.kind(kind);
        }
        tags.forEach(builder::tag);
        return builder.start();
    }

    /** The W3C traceparent of {@code span}. */
    public static String traceparent(Span span) {
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
    }

    /** Carries a checked exception through the {@link java.util.function.Supplier} of {@link TraceContext}. */
    private static final class Thrown extends RuntimeException {
        Thrown(Exception cause) {
            super(null, cause, false, false);
        }
    }
}
