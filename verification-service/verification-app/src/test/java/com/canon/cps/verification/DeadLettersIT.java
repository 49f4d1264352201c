package com.canon.cps.verification;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.review.domain.OpenVerificationCase;
import com.canon.cps.verification.review.domain.RejectVerification;
import com.canon.cps.verification.review.domain.VerificationCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters for operators ({@code /admin/dead-letters}), both kinds, through the real broker and event store: a
 * record the consumer cannot handle is parked on its dead-letter topic while the rest flows; an event the
 * {@code verification-cases} projection cannot handle is parked with the later events of its case while other cases
 * go on. After the fix ({@link DeadLetterFaults} switched off) a retry processes them exactly once and in order;
 * a discard needs a reason and is recorded. Operators only.
 */
@VerificationServiceTest
class DeadLettersIT {

    private static final String DEAD_LETTER_TOPIC = "cps.account.events.verification-service.dlt";
    private static final String KAFKA_SOURCE = "kafka:" + DEAD_LETTER_TOPIC;
    private static final String PROJECTION_SOURCE = "processor:verification-cases";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadLetterFaults faults;

    @Autowired
    CommandGateway commands;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @AfterEach
    void heal() {
        faults.healAll();
    }

    // ---- Kafka: the consumer's dead-letter topic ---------------------------------------------------------------

    @Test
    void poisonRecord_isParked_theRestFlows_andARetryAfterTheFixTakesEffectOnce() {
        String poisoned = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        faults.failCaseOpeningFor(poisoned);

        submit(ceId, poisoned);
        submit(UUID.randomUUID().toString(), healthy);

        awaitCaseOf(healthy);
        JsonNode letter = awaitLetter(KAFKA_SOURCE, poisoned);
        String id = letter.path("id").asString();
        assertThat(id).startsWith("kafka-" + DEAD_LETTER_TOPIC + "-").matches("[A-Za-z0-9._-]+");
        assertThat(letter.path("type").asString()).isEqualTo(AccountApplicationSubmitted.TYPE);
        assertThat(letter.path("error").asString()).contains("cannot be opened");
        assertThat(letter.path("attempts").asInt())
                .as("the consumer's deliveries")
                .isEqualTo(4);
        Instant firstFailedAt = Instant.parse(letter.path("firstFailedAt").asString());
        assertThat(Instant.parse(letter.path("lastFailedAt").asString())).isEqualTo(firstFailedAt);
        assertThat(letter.has("payload"))
                .as("the list leaves out payload and headers")
                .isFalse();

        JsonNode details = ok(http.get("/admin/dead-letters/" + id, TestTokens.operator()));
        assertThat(details.path("payload").asString()).contains("\"accountId\":\"" + poisoned + "\"");
        JsonNode headers = details.path("headers");
        assertThat(headers.path("ce_id").asString()).isEqualTo(ceId);
        assertThat(headers.path("x-original-topic").asString()).isEqualTo("cps.account.events");
        assertThat(headers.path("x-exception-message").asString()).contains("cannot be opened");
        assertThat(casesOf(poisoned)).isEmpty();
        assertThat(gauge("cps.dead_letters.open", KAFKA_SOURCE)).isGreaterThanOrEqualTo(1);
        assertThat(gauge("cps.dead_letters.oldest_age_seconds", KAFKA_SOURCE)).isGreaterThanOrEqualTo(0);

        // a re-drive before the fix fails again: the letter stays, with one more attempt
        JsonNode failed = ok(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", operator()));
        assertThat(failed.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.path("error").asString()).contains("cannot be opened");
        JsonNode stillOpen = ok(http.get("/admin/dead-letters/" + id, operator()));
        assertThat(stillOpen.path("attempts").asInt()).isEqualTo(5);
        // the re-drive is on the letter, with who did it and how it went (ADR 19)
        JsonNode action = stillOpen.path("operatorActions").get(0);
        assertThat(action.path("action").asString()).isEqualTo("DEAD_LETTER_REDRIVEN");
        assertThat(action.path("operatorId").asString()).isEqualTo("operator:test@cps.local");
        assertThat(action.path("details").path("outcome").asString()).isEqualTo("FAILED");
        assertThat(Instant.parse(stillOpen.path("lastFailedAt").asString())).isAfter(firstFailedAt);
        assertThat(casesOf(poisoned)).isEmpty();

        faults.healAll();
        JsonNode processed = ok(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", operator()));

        assertThat(processed.path("outcome").asString()).isEqualTo("PROCESSED");
        assertThat(processed.path("error").isNull() || processed.path("error").isMissingNode())
                .isTrue();
        assertThat(casesOpened(poisoned))
                .as("the case was opened in the request")
                .isEqualTo(1);
        awaitCaseOf(poisoned);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, ceId))
                .isEqualTo(1);
        assertThat(lettersOf(KAFKA_SOURCE, poisoned))
                .as("resolved letters are not listed")
                .isEmpty();
        assertProblem(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", operator()), 404);
        assertProblem(http.get("/admin/dead-letters/" + id, operator()), 404);
        assertThat(casesOpened(poisoned)).isEqualTo(1);
    }

    @Test
    void discard_needsAReason_recordsWhoWhenAndWhy_andHidesTheLetter() {
        String poisoned = UUID.randomUUID().toString();
        faults.failCaseOpeningFor(poisoned);
        submit(UUID.randomUUID().toString(), poisoned);
        String id = awaitLetter(KAFKA_SOURCE, poisoned).path("id").asString();

        assertProblem(http.delete("/admin/dead-letters/" + id, operator()), 400);
        JsonNode blank =
                assertProblem(http.deleteJson("/admin/dead-letters/" + id, "{\"reason\": \" \"}", operator()), 400);
        assertThat(blank.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(lettersOf(KAFKA_SOURCE, poisoned)).hasSize(1);

        // re-drives and discards are for ADMINs (ADR 19): a reviewer changes nothing
        String reviewer = TestTokens.operator("rita.reviewer@cps.local", "REVIEWER");
        assertProblem(http.deleteJson("/admin/dead-letters/" + id, "{\"reason\": \"not mine\"}", reviewer), 403);
        assertProblem(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", reviewer), 403);
        assertProblem(http.post("/admin/dead-letters/retry-all", "application/json", "", reviewer), 403);
        assertThat(lettersOf(KAFKA_SOURCE, poisoned)).hasSize(1);
        assertThat(ok(http.get("/admin/dead-letters/" + id, reviewer)).path("operatorActions"))
                .isEmpty();

        HttpTestClient.Response discarded = http.deleteJson(
                "/admin/dead-letters/" + id,
                "{\"reason\": \"duplicate application, handled by phone\"}",
                TestTokens.operator("ada.admin@cps.local", "ADMIN"));

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
        assertThat(lettersOf(KAFKA_SOURCE, poisoned)).isEmpty();
        assertProblem(http.get("/admin/dead-letters/" + id, operator()), 404);
        assertProblem(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", operator()), 404);
        assertProblem(http.deleteJson("/admin/dead-letters/" + id, "{\"reason\": \"again\"}", operator()), 404);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT status, discarded_by, discarded_at, discard_reason FROM dead_letter_state WHERE letter_id = ?",
                id);
        assertThat(row.get("status")).isEqualTo("DISCARDED");
        assertThat(row.get("discarded_by")).isEqualTo("ada.admin@cps.local");
        JsonNode trail = ok(http.get("/admin/audit?subject=" + id, reviewer));
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("action").asString()).isEqualTo("DEAD_LETTER_DISCARDED");
        assertThat(trail.get(0).path("operatorEmail").asString()).isEqualTo("ada.admin@cps.local");
        assertThat(trail.get(0).path("details").path("reason").asString())
                .isEqualTo("duplicate application, handled by phone");
        assertThat(row.get("discard_reason")).isEqualTo("duplicate application, handled by phone");
        assertThat(row.get("discarded_at")).isNotNull();
        faults.healAll();
        assertThat(casesOf(poisoned)).as("a discarded record is never handled").isEmpty();
    }

    // ---- Axon: the projection processor's dead-letter queue ----------------------------------------------------

    @Test
    void poisonEvent_parksItsCase_laterEventsWaitBehindIt_otherCasesGoOn_andARetryProcessesThemInOrder() {
        String poisoned = UUID.randomUUID().toString();
        String caseId = VerificationCase.caseIdFor(poisoned);
        faults.failProjectionOf(caseId);

        commands.sendAndWait(open(poisoned));
        commands.sendAndWait(new RejectVerification(caseId, "The documents do not show the company", "op-1"));
        String other = UUID.randomUUID().toString();
        commands.sendAndWait(open(other));

        assertThat(awaitCaseOf(other).path("status").asString()).isEqualTo("IN_REVIEW");
        List<JsonNode> parked =
                await().atMost(WAIT).until(() -> lettersOf(PROJECTION_SOURCE, caseId), l -> l.size() == 2);
        JsonNode first = parked.get(0);
        JsonNode waiting = parked.get(1);
        assertThat(first.path("type").asString()).endsWith("VerificationCaseOpened");
        assertThat(first.path("error").asString()).contains("cannot be written");
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.path("type").asString()).endsWith("AccountVerificationRejected");
        assertThat(waiting.path("error").asString()).contains("waiting behind");
        assertThat(waiting.path("attempts").asInt()).isZero();
        assertThat(first.path("id").asString()).startsWith("processor-");
        JsonNode details = ok(http.get("/admin/dead-letters/" + first.path("id").asString(), operator()));
        assertThat(details.path("payload").asString()).contains(caseId);
        assertThat(details.path("headers").path("aggregateIdentifier").asString())
                .isEqualTo(caseId);
        assertThat(details.path("headers").path("sequenceNumber").asString()).isEqualTo("0");
        assertThat(viewStatus(caseId))
                .as("the rejection waits behind the opening")
                .isNotEqualTo("REJECTED");
        assertThat(gauge("cps.dead_letters.open", PROJECTION_SOURCE)).isGreaterThanOrEqualTo(2);

        String waitingId = waiting.path("id").asString();
        JsonNode failed =
                ok(http.post("/admin/dead-letters/" + waitingId + "/retry", "application/json", "", operator()));
        assertThat(failed.path("outcome").asString())
                .as("a letter is re-driven after the ones it waits behind")
                .isEqualTo("FAILED");
        assertThat(failed.path("error").asString()).contains("cannot be written");
        assertThat(lettersOf(PROJECTION_SOURCE, caseId))
                .extracting(l -> l.path("attempts").asInt())
                .containsExactly(2, 0);

        faults.healAll();
        JsonNode processed = ok(http.post(
                "/admin/dead-letters/" + first.path("id").asString() + "/retry", "application/json", "", operator()));

        assertThat(processed.path("outcome").asString()).isEqualTo("PROCESSED");
        assertThat(viewStatus(caseId)).as("both events, in order").isEqualTo("REJECTED");
        assertThat(lettersOf(PROJECTION_SOURCE, caseId)).isEmpty();
        assertProblem(
                http.post("/admin/dead-letters/" + waitingId + "/retry", "application/json", "", operator()), 404);
    }

    @Test
    void retryAll_redrivesBothKinds_andCountsThem() {
        String poisonedAccount = UUID.randomUUID().toString();
        String poisonedCase = VerificationCase.caseIdFor(UUID.randomUUID().toString());
        faults.failCaseOpeningFor(poisonedAccount);
        faults.failProjectionOf(poisonedCase);
        submit(UUID.randomUUID().toString(), poisonedAccount);
        commands.sendAndWait(openCase(poisonedCase, UUID.randomUUID().toString()));
        awaitLetter(KAFKA_SOURCE, poisonedAccount);
        awaitLetter(PROJECTION_SOURCE, poisonedCase);

        faults.healAll();
        JsonNode result = ok(http.post("/admin/dead-letters/retry-all", "application/json", "", operator()));

        int attempted = result.path("attempted").asInt();
        assertThat(result.path("processed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(result.path("processed").asInt() + result.path("failed").asInt())
                .isEqualTo(attempted);
        assertThat(lettersOf(KAFKA_SOURCE, poisonedAccount)).isEmpty();
        assertThat(lettersOf(PROJECTION_SOURCE, poisonedCase)).isEmpty();
        assertThat(viewStatus(poisonedCase)).as("written in the request").isEqualTo("IN_REVIEW");
        awaitCaseOf(poisonedAccount);
    }

    @Test
    void projectionsParkTheirFailures_policiesAndThePublisherDoNot() {
        assertThat(processing.deadLetterQueue("verification-cases")).isPresent();
        assertThat(processing.deadLetterQueue("verification-policies"))
                .as("policies run in the command's transaction: a failure rolls the command back")
                .isEmpty();
        assertThat(processing.deadLetterQueue("kafka-publisher"))
                .as("the outbox halts and retries: skipping an event would publish the account's later ones without it")
                .isEmpty();
    }

    // ---- operators only -------------------------------------------------------------------------------------------

    @Test
    void deadLetters_areForOperatorsOnly() {
        String member = TestTokens.member(UUID.randomUUID().toString());
        String id = "/admin/dead-letters/kafka-" + DEAD_LETTER_TOPIC + "-0-0";
        for (String token : new String[] {null, member}) {
            int status = token == null ? 401 : 403;
            assertProblem(http.get("/admin/dead-letters", token), status);
            assertProblem(http.get(id, token), status);
            assertProblem(http.post(id + "/retry", "application/json", "", token), status);
            assertProblem(http.post("/admin/dead-letters/retry-all", "application/json", "", token), status);
            assertProblem(http.deleteJson(id, "{\"reason\": \"no\"}", token), status);
        }
    }

    @Test
    void unknownLetters_areNotFound() {
        for (String id : List.of(
                "kafka-" + DEAD_LETTER_TOPIC + "-0-999999999", "processor-" + UUID.randomUUID(), "something-else")) {
            assertProblem(http.get("/admin/dead-letters/" + id, operator()), 404);
            assertProblem(http.post("/admin/dead-letters/" + id + "/retry", "application/json", "", operator()), 404);
            assertProblem(http.deleteJson("/admin/dead-letters/" + id, "{\"reason\": \"gone\"}", operator()), 404);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String operator() {
        return TestTokens.operator();
    }

    private static void submit(String ceId, String accountId) {
        Applications.submit(ceId, accountId, "DE", false, null, List.of(), Instant.parse("2026-03-02T09:00:00Z"));
    }

    private static OpenVerificationCase open(String accountId) {
        return openCase(VerificationCase.caseIdFor(accountId), accountId);
    }

    private static OpenVerificationCase openCase(String caseId, String accountId) {
        Instant now = Instant.now();
        return new OpenVerificationCase(
                caseId, accountId, "Lumen Studio Ltd", "DE", false, null, List.of(), now, now.plus(2, ChronoUnit.DAYS));
    }

    private List<JsonNode> lettersOf(String source, String key) {
        List<JsonNode> letters = new ArrayList<>();
        ok(http.get("/admin/dead-letters", operator())).forEach(l -> {
            if (l.path("source").asString().equals(source)
                    && l.path("key").asString().equals(key)) {
                letters.add(l);
            }
        });
        return letters;
    }

    private JsonNode awaitLetter(String source, String key) {
        return await().atMost(WAIT)
                .until(() -> lettersOf(source, key), l -> l.size() == 1)
                .get(0);
    }

    private JsonNode casesOf(String accountId) {
        return ok(http.get("/api/verification/cases?accountId=" + accountId, operator()));
    }

    private JsonNode awaitCaseOf(String accountId) {
        return await().atMost(WAIT)
                .until(() -> casesOf(accountId), c -> c.size() == 1)
                .get(0);
    }

    private String viewStatus(String caseId) {
        HttpTestClient.Response response = http.get("/api/verification/cases/" + caseId, operator());
        return response.status() == 404 ? null : ok(response).path("status").asString();
    }

    private long casesOpened(String accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                VerificationCase.caseIdFor(accountId),
                "%VerificationCaseOpened");
    }

    private double gauge(String name, String source) {
        Gauge gauge = meters.find(name).tag("source", source).gauge();
        assertThat(gauge).as(name + "{source=" + source + "}").isNotNull();
        return gauge.value();
    }

    private static JsonNode ok(HttpTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
