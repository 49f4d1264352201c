package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.test.HttpTestClient;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spans, not just a propagated id: the application POST, verification-service's handling, account-service's reaction
 * and notification-service's e-mail make one trace, exported by each service's own tracer (to an in-memory exporter
 * every context of this JVM shares, {@link RecordedSpans}), and every span's parent is a span of that trace.
 */
class TracingJourneyIT {

    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    @Test
    void theApplication_throughVerificationAndBack_toTheEmail_isOneTraceWithNoBrokenLink() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = String.format("%016x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        RecordedSpans.watch(traceId);
        String email = "spans+" + UUID.randomUUID() + "@lumen.example";

        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + platform.entryPointPort() + "/api/accounts"))
                                .header("Content-Type", "application/json")
                                // this test is the client: its span is the root, the platform's first span its child
                                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        HttpTestClient.json(Applications.gbVatLiable("Span Studio Ltd", email))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Journeys.awaitPasswordLink(email); // the policy verified the VAT ID: AccountOpened, then the password link

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> spans = RecordedSpans.of(traceId);
            Map<String, SpanData> byId =
                    spans.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));

            List<SpanData> roots = spans.stream()
                    .filter(s -> s.getParentSpanId().equals(clientSpan))
                    .toList();
            assertThat(roots)
                    .as("the platform's first span, child of the client's")
                    .hasSize(1);
            assertThat(roots.get(0).getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(service(roots.get(0))).isEqualTo("account-service");
            assertThat(spans)
                    .as("every other span's parent is a span of this trace")
                    .filteredOn(s -> !s.getParentSpanId().equals(clientSpan))
                    .allSatisfy(s -> assertThat(byId).as(describe(s)).containsKey(s.getParentSpanId()));

            // account-service → verification-service → account-service → notification-service, by parent links
            SpanData mail = spans.stream()
                    .filter(s -> service(s).equals("notification-service")
                            && s.getName().equals("send mail"))
                    .filter(s -> path(s, byId).stream().anyMatch(a -> service(a).equals("verification-service")))
                    .filter(s -> path(s, byId).stream()
                            .anyMatch(a -> service(a).equals("account-service")
                                    && a.getName().startsWith("consume cps.verification.")))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no e-mail sent by notification-service after account-service's"
                                    + " reaction to verification-service, in " + names(spans)));
            List<String> chain = path(mail, byId).stream()
                    .map(s -> service(s) + ": " + s.getName())
                    .toList();
            assertThat(chain)
                    .as("from the e-mail back to the request")
                    .last()
                    .asString()
                    .contains("http post");
            assertThat(Set.copyOf(spans.stream().map(SpanData::getName).toList()))
                    .as("Kafka produce and consume, Axon command and event handling")
                    .anyMatch(n -> n.startsWith("publish cps.account."))
                    .anyMatch(n -> n.startsWith("consume cps.account."))
                    .anyMatch(n -> n.startsWith("command "))
                    .anyMatch(n -> n.startsWith("event "));
            System.out.printf("trace %s: %d spans; the e-mail's ancestry: %s%n", traceId, spans.size(), chain);
        });
    }

    /** The span and its ancestors, nearest first. */
    private static List<SpanData> path(SpanData span, Map<String, SpanData> byId) {
        List<SpanData> path = new ArrayList<>();
        for (SpanData s = span; s != null && path.size() < 100; s = byId.get(s.getParentSpanId())) {
            path.add(s);
        }
        return path;
    }

    private static String service(SpanData span) {
        return String.valueOf(span.getResource().getAttribute(SERVICE));
    }

    private static String describe(SpanData span) {
        return service(span) + ": " + span.getName() + " (parent " + span.getParentSpanId() + ")";
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(TracingJourneyIT::describe).toList();
    }
}
