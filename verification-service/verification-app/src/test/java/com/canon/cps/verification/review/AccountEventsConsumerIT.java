package com.canon.cps.verification.review;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.review.domain.VerificationCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * verification-service consuming {@code cps.account.events} through the real broker: a submitted application opens
 * one case with its SLA deadline in the operators' queue; delivery is at least once but a case opens once; unknown
 * types are skipped, poison records are dead-lettered and the consumer goes on; the queue is for operators only.
 *
 * <p>Applications here carry a VAT ID the registry simulator refuses ({@value Applications#REFUSED_VAT_ID}), so their
 * cases stay in the operators' queue; the registry and the decisions have their own tests.
 */
@VerificationServiceTest
class AccountEventsConsumerIT {

    private static final String TOPIC = "cps.account.events";
    private static final String DEAD_LETTERS = "cps.account.events.verification-service.dlt";
    private static final String SUBMITTED = AccountApplicationSubmitted.TYPE;
    private static final Duration CONSUMED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void submittedApplication_opensACase_withTheDeadlineOfTheApplicantsCalendar() {
        String accountId = UUID.randomUUID().toString();

        // docs/domain.md: submitted Wed 2025-12-24 in England and Wales -> deadline end of Tue 2025-12-30, London time
        send(accountId, UUID.randomUUID().toString(), submitted(accountId, "GB", "2025-12-24T10:00:00Z"));

        JsonNode c = awaitCaseOf(accountId, "IN_REVIEW");
        assertThat(c.path("caseId").asString()).isEqualTo(VerificationCase.caseIdFor(accountId));
        assertThat(c.path("accountId").asString()).isEqualTo(accountId);
        assertThat(c.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(c.path("country").asString()).isEqualTo("GB");
        assertThat(c.path("vatLiable").asBoolean()).isTrue();
        assertThat(c.path("vatId").asString()).isEqualTo(Applications.REFUSED_VAT_ID);
        assertThat(c.path("registryCheck").path("status").asString()).isEqualTo("INVALID");
        assertThat(c.path("registryCheck").path("registry").asString()).isEqualTo("HMRC");
        assertThat(c.path("documents").get(0).path("documentId").asString()).isEqualTo("doc-" + accountId);
        assertThat(c.path("documents").get(0).path("type").isNull())
                .as("never uploaded")
                .isTrue();
        assertThat(c.path("documents").get(0).path("missing").asBoolean()).isTrue();
        assertThat(Instant.parse(c.path("submittedAt").asString())).isEqualTo("2025-12-24T10:00:00Z");
        Instant deadline = Instant.parse(c.path("deadline").asString());
        assertThat(deadline.truncatedTo(ChronoUnit.SECONDS)).isEqualTo("2025-12-30T23:59:59Z");
        assertThat(deadline).isBefore("2025-12-31T00:00:00Z");
        assertThat(c.has("_version")).as("no storage internals in the API").isFalse();

        HttpTestClient.Response byId =
                http.get("/api/verification/cases/" + VerificationCase.caseIdFor(accountId), TestTokens.operator());
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("accountId").asString()).isEqualTo(accountId);
    }

    @Test
    void sameRecordDeliveredTwice_opensExactlyOneCase() {
        String accountId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String record = submitted(accountId, "DE", "2026-03-02T09:00:00Z");
        double duplicatesBefore = consumed(SUBMITTED, "duplicate");

        send(accountId, ceId, record);
        awaitCaseOf(accountId);
        send(accountId, ceId, record);

        await().atMost(CONSUMED).until(() -> consumed(SUBMITTED, "duplicate") >= duplicatesBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                        Long.class,
                        VerificationCase.caseIdFor(accountId),
                        "%VerificationCaseOpened"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, ceId))
                .isEqualTo(1);
        assertThat(cases("?accountId=" + accountId)).hasSize(1);
    }

    @Test
    void recordWithFieldsAddedLater_isStillRead() {
        String accountId = UUID.randomUUID().toString();
        String additive = submitted(accountId, "AT", "2026-03-02T09:00:00Z")
                .replaceFirst("\\{", "{\"addedInALaterRevision\":{\"any\":[1,2]},")
                .replace("\"city\":", "\"region\":\"Wien\",\"city\":");
        assertThat(additive).contains("\"addedInALaterRevision\"", "\"region\"");

        send(accountId, UUID.randomUUID().toString(), additive);

        assertThat(awaitCaseOf(accountId).path("country").asString()).isEqualTo("AT");
    }

    @Test
    void unknownType_isIgnoredWithoutDeadLetter_andTheNextRecordIsProcessed() {
        String accountId = UUID.randomUUID().toString();
        String unknownType = "cps.account.SomethingNew.v1";
        String unknownId = UUID.randomUUID().toString();
        double ignoredBefore = consumed(unknownType, "ignored");

        // same key, so the same partition: the known record is consumed after the unknown one
        KafkaTestClient.send(TOPIC, accountId, unknownId, unknownType, "{\"accountId\":\"" + accountId + "\"}");
        send(accountId, UUID.randomUUID().toString(), submitted(accountId, "FR", "2026-03-02T09:00:00Z"));

        awaitCaseOf(accountId);
        assertThat(consumed(unknownType, "ignored")).isEqualTo(ignoredBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                        Long.class,
                        VerificationCase.caseIdFor(accountId),
                        "%VerificationCaseOpened"))
                .as("only the known record opened the case")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, unknownId))
                .isZero();
        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaTestClient.readUntil(
                DEAD_LETTERS, r -> unknownId.equals(KafkaTestClient.header(r, "ce_id")), Duration.ofSeconds(3));
        assertThat(deadLetters).noneMatch(r -> unknownId.equals(KafkaTestClient.header(r, "ce_id")));
    }

    @Test
    void poisonRecord_isDeadLetteredAfterItsRetries_andTheConsumerGoesOn() {
        String accountId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        double deadLetteredBefore = consumed(SUBMITTED, "dead-lettered");

        KafkaTestClient.send(TOPIC, accountId, poisonId, SUBMITTED, "{\"accountId\": \"" + accountId + "\", oops");
        send(accountId, UUID.randomUUID().toString(), submitted(accountId, "NL", "2026-03-02T09:00:00Z"));

        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                DEAD_LETTERS, r -> poisonId.equals(KafkaTestClient.header(r, "ce_id")), CONSUMED);
        assertThat(seen).isNotEmpty();
        ConsumerRecord<String, byte[]> deadLetter = seen.get(seen.size() - 1);
        assertThat(KafkaTestClient.header(deadLetter, "ce_id")).isEqualTo(poisonId);
        assertThat(deadLetter.key()).isEqualTo(accountId);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).endsWith("oops");
        Map<String, String> headers = KafkaTestClient.headers(deadLetter);
        assertThat(headers).containsEntry("ce_type", SUBMITTED);
        assertThat(headers).containsEntry("x-original-topic", TOPIC).containsKey("x-exception-stacktrace");
        assertThat(headers.get("x-exception-message"))
                .as("the dead letter names the real cause, for the operator who re-drives it")
                .contains("Unexpected character")
                .doesNotContain("deliveryAttempt");
        assertThat(consumed(SUBMITTED, "dead-lettered")).isEqualTo(deadLetteredBefore + 1);

        JsonNode c = awaitCaseOf(accountId);
        assertThat(c.path("country").asString()).isEqualTo("NL");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, poisonId))
                .as("the failed attempts left nothing behind")
                .isZero();
    }

    @Test
    void queue_isOrderedByDeadline_notByArrival() {
        String later = UUID.randomUUID().toString();
        String sooner = UUID.randomUUID().toString();

        // Thu 2026-04-02 (Easter follows) -> Wed 2026-04-08; sent first
        send(later, UUID.randomUUID().toString(), submitted(later, "GB", "2026-04-02T10:00:00Z"));
        awaitCaseOf(later, "IN_REVIEW");
        // Wed 2025-12-24 -> Tue 2025-12-30; sent second
        send(sooner, UUID.randomUUID().toString(), submitted(sooner, "GB", "2025-12-24T10:00:00Z"));
        awaitCaseOf(sooner, "IN_REVIEW");

        JsonNode queue = cases("?status=IN_REVIEW");
        List<String> accounts = new ArrayList<>();
        List<Instant> deadlines = new ArrayList<>();
        queue.forEach(c -> {
            accounts.add(c.path("accountId").asString());
            deadlines.add(Instant.parse(c.path("deadline").asString()));
        });
        assertThat(accounts).contains(sooner, later);
        assertThat(accounts.indexOf(sooner)).isLessThan(accounts.indexOf(later));
        assertThat(deadlines).isSorted();
    }

    // ---- the queue is for operators
    // ----------------------------------------------------------------------------------

    @Test
    void queue_withoutToken_isUnauthorized() {
        assertProblem(http.get("/api/verification/cases", null), 401);
    }

    @Test
    void queue_withMemberToken_isForbidden() {
        assertProblem(
                http.get(
                        "/api/verification/cases",
                        TestTokens.member(UUID.randomUUID().toString())),
                403);
    }

    @Test
    void queue_withExpiredForeignOrGarbageToken_isUnauthorized() {
        assertProblem(
                http.get(
                        "/api/verification/cases",
                        TestTokens.expiredMember(UUID.randomUUID().toString())),
                401);
        assertProblem(
                http.get(
                        "/api/verification/cases",
                        TestTokens.signedByOtherKey(UUID.randomUUID().toString())),
                401);
        assertProblem(http.get("/api/verification/cases", "not-a-jwt"), 401);
    }

    @Test
    void queue_withUnknownStatus_isABadRequest() {
        JsonNode problem = assertProblem(http.get("/api/verification/cases?status=BOGUS", TestTokens.operator()), 400);

        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void unknownCase_isNotFound() {
        assertProblem(http.get("/api/verification/cases/" + UUID.randomUUID(), TestTokens.operator()), 404);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** The JSON of the contract record as account-service publishes it. */
    private static String submitted(String accountId, String country, String submittedAt) {
        return HttpTestClient.json(new AccountApplicationSubmitted(
                accountId,
                "Lumen Studio Ltd",
                new Address("1 High St", "SW1A 1AA", "London", country),
                country,
                "Ada Lumen",
                "ada+" + accountId + "@lumen.example",
                "en",
                true,
                Applications.REFUSED_VAT_ID,
                List.of("doc-" + accountId),
                false,
                Instant.parse(submittedAt)));
    }

    private static void send(String accountId, String ceId, String json) {
        KafkaTestClient.send(TOPIC, accountId, ceId, SUBMITTED, json);
    }

    private JsonNode cases(String query) {
        HttpTestClient.Response response = http.get("/api/verification/cases" + query, TestTokens.operator());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitCaseOf(String accountId) {
        return await().atMost(CONSUMED)
                .until(() -> cases("?accountId=" + accountId), c -> c.size() == 1)
                .get(0);
    }

    private JsonNode awaitCaseOf(String accountId, String status) {
        return await().atMost(CONSUMED)
                .until(
                        () -> cases("?accountId=" + accountId),
                        c -> c.size() == 1 && c.get(0).path("status").asString().equals(status))
                .get(0);
    }

    private double consumed(String type, String outcome) {
        return meters
                .find("cps.events.consumed")
                .tag("consumer", "accountEvents")
                .tag("type", type)
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
