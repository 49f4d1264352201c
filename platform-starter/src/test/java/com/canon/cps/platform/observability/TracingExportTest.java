package com.canon.cps.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The tracing a service gets from the starter's dependencies and defaults: every trace sampled, spans sent over OTLP
 * only when an endpoint is configured, and the trace id in the log lines written during a span.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingExportTest {

    private static final Logger log = LoggerFactory.getLogger(TracingExportTest.class);

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        OpenTelemetrySdkAutoConfiguration.class,
        MicrometerTracingAutoConfiguration.class,
        OpenTelemetryTracingAutoConfiguration.class,
        OtlpTracingAutoConfiguration.class
    })
    static class Service {}

    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    /** Spring Boot configures logging once per JVM unless told it is not configured: each test starts afresh. */
    @BeforeEach
    @AfterEach
    void forgetLoggingConfiguration() {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    }

    @AfterEach
    void stopCollector() {
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void withAnOtlpEndpoint_spansAreSentThere_andLogLinesDuringASpanCarryItsTraceId(CapturedOutput output)
            throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        String traceId;
        try (ConfigurableApplicationContext service =
                start("--management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint)) {
            assertThat(service.getBean(Sampler.class).getDescription())
                    .as("the platform samples every trace")
                    .contains("TraceIdRatioBased{1.000000}");
            MessageSpans spans = new MessageSpans(service.getBean(Tracer.class));
            traceId = spans.inSpan("consume cps.test.Happened.v1", Span.Kind.CONSUMER, null, Map.of(), () -> {
                log.info("handling the record");
                return service.getBean(Tracer.class).currentSpan().context().traceId();
            });
        } // closing flushes the batch

        assertThat(paths).as("sent over OTLP/HTTP").isNotEmpty().allMatch("/v1/traces"::equals);
        String sent = new String(concat(received), StandardCharsets.ISO_8859_1);
        assertThat(sent).contains("consume cps.test.Happened.v1").contains("tracing-test-service");
        assertThat(output.getOut().lines().filter(l -> l.contains("handling the record")))
                .singleElement()
                .asString()
                .contains(traceId);
    }

    @Test
    void withJsonLogs_asComposeRunsThem_aLineDuringASpanCarriesItsTraceAndSpanId(CapturedOutput output)
            throws Exception {
        String[] ids;
        try (ConfigurableApplicationContext service = start("--logging.structured.format.console=ecs")) {
            MessageSpans spans = new MessageSpans(service.getBean(Tracer.class));
            ids = spans.inSpan("consume cps.test.Happened.v1", Span.Kind.CONSUMER, null, Map.of(), () -> {
                log.info("handling the record as JSON");
                var context = service.getBean(Tracer.class).currentSpan().context();
                return new String[] {context.traceId(), context.spanId()};
            });
        }
        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("handling the record as JSON"))
                .findFirst()
                .orElseThrow();
        tools.jackson.databind.JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("handling the record as JSON");
        assertThat(json.path("traceId").asString()).as(line).isEqualTo(ids[0]);
        assertThat(json.path("spanId").asString()).as(line).isEqualTo(ids[1]);
    }

    @Test
    void withoutAnEndpoint_nothingIsExported() {
        try (ConfigurableApplicationContext service = start()) {
            assertThat(service.getBeanProvider(SpanExporter.class).stream())
                    .as("no exporter, so local mode and tests never try to reach a collector")
                    .isEmpty();
            assertThat(service.getBean(Tracer.class)).isNotSameAs(Tracer.NOOP);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--cps.service=tracing-test";
        System.arraycopy(args, 0, all, 1, args.length);
        return new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .run(all);
    }

    private static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
