package com.canon.cps.e2e;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.annotation.Bean;

/**
 * An in-memory span exporter every context of the platform in this JVM exports to, beside whatever else is
 * configured: found by Spring Boot like any {@link SpanExporter} bean (this test classpath's auto-configuration), so
 * the services' tracers, samplers and batch processors are the real ones. It keeps only the spans of traces a test
 * asked for, so the journeys of other tests cost nothing here.
 */
public final class RecordedSpans implements SpanExporter {

    private static final RecordedSpans INSTANCE = new RecordedSpans();

    private final Map<String, Queue<SpanData>> traces = new ConcurrentHashMap<>();

    private RecordedSpans() {}

    /** Starts keeping the spans of trace {@code traceId}. */
    static void watch(String traceId) {
        INSTANCE.traces.putIfAbsent(traceId, new ConcurrentLinkedQueue<>());
    }

    /** The spans of a watched trace exported so far, by every service. */
    static List<SpanData> of(String traceId) {
        return List.copyOf(INSTANCE.traces.getOrDefault(traceId, new ConcurrentLinkedQueue<>()));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            Queue<SpanData> trace = traces.get(span.getTraceId());
            if (trace != null) {
                trace.add(span);
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    /** Shared by all contexts: one closing does not stop it. */
    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @org.springframework.boot.autoconfigure.AutoConfiguration
    public static class AutoConfiguration {
        @Bean
        SpanExporter recordedSpans() {
            return INSTANCE;
        }
    }
}
