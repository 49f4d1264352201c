package com.canon.cps.e2e;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalPlatform;
import com.canon.cps.local.LocalService;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first journey across three services through the real broker, against the whole local platform as
 * {@code ./cps-local} runs it (entry point, seven services, embedded infrastructure): apply, the case reaches the
 * operators' queue, the applicant receives the "application received" e-mail.
 */
class ThinJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static LocalPlatform platform;
    static HttpTestClient http;
    static String operatorToken;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
        http = SharedPlatform.http();
        operatorToken = SharedPlatform.operatorToken();
    }

    @Test
    void application_reachesOperatorQueueAndApplicantMail_withinFiveSeconds() {
        String email = "ada+" + UUID.randomUUID() + "@lumen.example";
        HttpTestClient.Response created = http.postJson(
                "/api/accounts", HttpTestClient.json(Applications.gbVatLiable("Lumen Studio Ltd", email)), null);
        assertThat(created.status()).isEqualTo(201);
        String accountId = created.json().path("accountId").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode cases = http.get("/api/verification/cases?accountId=" + accountId, operatorToken)
                    .json();
            assertThat(cases).hasSize(1);
            // a registry-confirmed VAT ID may already have been approved by the policy
            assertThat(cases.get(0).path("status").asString()).isIn("OPEN", "IN_REVIEW", "APPROVED");
            assertThat(cases.get(0).path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
            JsonNode mails = http.get("/dev/mail?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null)
                    .json();
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).path("from").asString()).isEqualTo("donotreply@canon-europe.com");
            assertThat(mails.get(0).path("subject").asString()).contains("application");
        });
        assertThat(http.get("/api/verification/cases?accountId=" + accountId, null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void sameRecordDeliveredTwice_givesOneCaseAndOneMail() {
        String email = "twice+" + UUID.randomUUID() + "@muster.example";
        String accountId = http.postJson(
                        "/api/accounts", HttpTestClient.json(Applications.deNonVat("Zweimal GmbH", email)), null)
                .json()
                .path("accountId")
                .asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(http.get("/api/verification/cases?accountId=" + accountId, operatorToken)
                            .json())
                    .hasSize(1);
            assertThat(platform.infrastructure().smtp().mailTo(email)).hasSize(1);
        });
        double verificationDuplicates = duplicates(LocalService.VERIFICATION);
        double notificationDuplicates = duplicates(LocalService.NOTIFICATION);

        redeliver(firstRecordWithKey("cps.account.events", accountId));

        // both services received the copy (same ce_id) and recognised it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(duplicates(LocalService.VERIFICATION)).isGreaterThan(verificationDuplicates);
            assertThat(duplicates(LocalService.NOTIFICATION)).isGreaterThan(notificationDuplicates);
        });
        assertThat(http.get("/api/verification/cases?accountId=" + accountId, operatorToken)
                        .json())
                .hasSize(1);
        List<CapturedMail> mails = platform.infrastructure().smtp().mailTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("Antrag");
    }

    @Test
    void badInput_getsProblemResponse_andCreatesNothing() {
        String email = "bad+" + UUID.randomUUID() + "@example.com";
        java.util.Map<String, Object> valid = Applications.deNonVat("Bad Input GmbH", email);
        assertProblem(http.postJson("/api/accounts", "{\"companyName\": ", null), 400);
        assertProblem(http.postJson("/api/accounts", "{}", null), 400);
        String wrongType = HttpTestClient.json(valid).replace("\"vatLiable\":false", "\"vatLiable\":\"nope\"");
        assertProblem(http.postJson("/api/accounts", wrongType, null), 400);
        String huge = "{\"companyName\":\"" + "x".repeat(200_000) + "\"}";
        assertProblem(http.postJson("/api/accounts", huge, null), 413);
        assertProblem(http.post("/api/accounts", "text/plain", HttpTestClient.json(valid), null), 415);

        // nothing was created: the same e-mail can still apply once
        assertThat(platform.infrastructure().smtp().mailTo(email)).isEmpty();
        assertThat(http.postJson("/api/accounts", HttpTestClient.json(valid), null)
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson("/api/accounts", HttpTestClient.json(valid), null)
                        .status())
                .isEqualTo(409);
    }

    /**
     * One trace across services: the trace id of the applicant's HTTP request reaches account-service's event, the
     * record on {@code cps.account.events}, verification-service's events caused by it and their record, and
     * account-service's {@code AccountOpened} caused by those in turn; and the age of the events at the consuming
     * service's processors is measured from the upstream append.
     */
    @Test
    void theTraceOfTheApplyRequest_followsTheApplicationThroughVerificationAndBack() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String email = "trace+" + UUID.randomUUID() + "@lumen.example";
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + platform.entryPointPort() + "/api/accounts"))
                                .header("Content-Type", "application/json")
                                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        HttpTestClient.json(Applications.gbVatLiable("Trace Studio Ltd", email))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String accountId = JSON.readTree(created.body()).path("accountId").asString();
        String traced = "00-" + traceId + "-";

        ConsumerRecord<String, byte[]> verification = firstRecord(
                "cps.verification.events", r -> new String(r.value(), StandardCharsets.UTF_8).contains(accountId));
        assertThat(KafkaTestClient.header(verification, "traceparent"))
                .as("verification-service's event, caused by the record of the HTTP request's event")
                .startsWith(traced);
        ConsumerRecord<String, byte[]> opened = firstRecord(
                "cps.account.events",
                r -> accountId.equals(r.key())
                        && "cps.account.AccountOpened.v1".equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(KafkaTestClient.header(opened, "traceparent"))
                .as("account-service's event caused by verification-service's record")
                .startsWith(traced);

        Timer age = platform.context(LocalService.VERIFICATION)
                .getBean(MeterRegistry.class)
                .find("cps.events.age")
                .tag("processor", "verification-cases")
                .tag("origin", "upstream")
                .timer();
        assertThat(age).as("the age of events caused by an upstream record").isNotNull();
        assertThat(age.count()).isPositive();
    }

    /** Records each service's inbox recognised as already handled. */
    private static double duplicates(LocalService service) {
        return platform
                .context(service)
                .getBean(MeterRegistry.class)
                .find("cps.events.consumed")
                .tag("outcome", "duplicate")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static ConsumerRecord<String, byte[]> firstRecord(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                platform.infrastructure().kafkaBootstrap(), topic, match, Duration.ofSeconds(20));
        if (seen.isEmpty() || !match.test(seen.get(seen.size() - 1))) {
            throw new AssertionError("no matching record on " + topic);
        }
        return seen.get(seen.size() - 1);
    }

    private static ConsumerRecord<String, byte[]> firstRecordWithKey(String topic, String key) {
        return firstRecord(topic, r -> key.equals(r.key()));
    }

    private static void redeliver(ConsumerRecord<String, byte[]> original) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().kafkaBootstrap());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            original.topic(), null, original.key(), original.value(), original.headers()))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
