package com.canon.cps.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.eventstore.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spans of Axon's command and event handling, on the OpenTelemetry SDK with an in-memory exporter: each a child
 * of the context its message carries, and the messages its handler creates carry the span in turn.
 */
class AxonSpansTest {

    record Apply(String accountId) {}

    record Applied(String accountId) {}

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {});
    private final MessageSpans spans = new MessageSpans(tracer);
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final AtomicReference<EventMessage<?>> applied = new AtomicReference<>();

    AxonSpansTest() {
        commandBus.registerDispatchInterceptor(new TraceContext.CommandTraceInterceptor());
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(new TraceContext.Correlation()));
        commandBus.registerHandlerInterceptor(new AxonSpans.Commands(spans));
        commandBus.subscribe(Apply.class.getName(), command -> {
            // as AggregateLifecycle.apply does: the event takes the unit of work's correlation data
            applied.set(GenericEventMessage.asEventMessage(new Applied("a-1")));
            return null;
        });
    }

    @AfterEach
    void shutDown() {
        provider.close();
    }

    @Test
    void aCommandSentDuringARequest_isHandledInAChildSpan_andItsEventsCarryThatSpan() {
        Span request = tracer.nextSpan().name("http post /api/accounts").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            commandBus.dispatch(GenericCommandMessage.asCommandMessage(new Apply("a-1")));
        } finally {
            request.end();
        }

        SpanData command = span("command AxonSpansTest$Apply");
        assertThat(command.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(command.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(applied.get().getMetaData().get(TraceContext.METADATA_KEY))
                .as("the event is a child of the command's span, and the publisher's record of it in turn")
                .isEqualTo("00-" + command.getTraceId() + "-" + command.getSpanId() + "-01");
    }

    @Test
    void anEventAtAProcessor_isHandledInAChildOfItsTraceparent_andTheCommandsItSendsAreChildrenOfThatSpan()
            throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EventMessage<?> event = GenericEventMessage.asEventMessage(new Applied("a-1"))
                .andMetaData(Map.of(TraceContext.METADATA_KEY, "00-" + traceId + "-00f067aa0ba902b7-01"));
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        DefaultInterceptorChain<EventMessage<?>> chain = new DefaultInterceptorChain<>(
                unitOfWork,
                List.of(
                        new CorrelationDataInterceptor<>(new TraceContext.Correlation()),
                        new AxonSpans.Events(spans, "verification-cases")),
                message -> {
                    commandBus.dispatch(GenericCommandMessage.asCommandMessage(new Apply("a-1")));
                    return null;
                });
        unitOfWork.executeWithResult(chain::proceed);

        SpanData handled = span("event AxonSpansTest$Applied");
        assertThat(handled.getTraceId()).isEqualTo(traceId);
        assertThat(handled.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(handled.getAttributes().asMap().toString()).contains("verification-cases");
        SpanData command = span("command AxonSpansTest$Apply");
        assertThat(command.getTraceId()).isEqualTo(traceId);
        assertThat(command.getParentSpanId())
                .as("the command sent by the event handler")
                .isEqualTo(handled.getSpanId());
    }

    @Test
    void withoutATracer_aCommandStillGetsATraceparentInTheTraceOfItsCause() {
        SimpleCommandBus untraced = SimpleCommandBus.builder().build();
        untraced.registerDispatchInterceptor(new TraceContext.CommandTraceInterceptor());
        untraced.registerHandlerInterceptor(new AxonSpans.Commands(new MessageSpans(Tracer.NOOP)));
        AtomicReference<Object> seen = new AtomicReference<>();
        untraced.subscribe(Apply.class.getName(), command -> {
            seen.set(command.getMetaData().get(TraceContext.METADATA_KEY));
            return null;
        });
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceContext.with(parent, null, () -> {
            untraced.dispatch(GenericCommandMessage.asCommandMessage(new Apply("a-1")));
            return null;
        });

        assertThat((String) seen.get())
                .as("the received context, which the handler's span (none here) would be a child of")
                .isEqualTo(parent);
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    private SpanData span(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }
}
