package com.canon.cps.verification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestInfrastructure;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.Applications.Multipart;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An applicant asked for information answers with a document through the link of the e-mail: the request's token is
 * published with {@code VerificationInfoRequested} (only its hash is stored), the operator's message is readable by
 * the token, the answer puts the case back in the queue with the document and publishes
 * {@code VerificationInfoProvided}; a wrong, used or expired token, or a case not waiting, is refused and changes
 * nothing.
 */
@VerificationServiceTest
class InformationAnswerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What notification-service holds: the key verification-service seals the answer link's token with. */
    private static final SealedSecrets NOTIFICATION_KEY = SealedSecrets.fromSetting(
            "cps.notification.seal-keys.verification", TestInfrastructure.VERIFICATION_SEAL_KEY);

    private static final String MESSAGE = "Please upload an invoice not older than 3 months";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void theApplicantReadsTheMessage_answersWithADocument_andTheCaseIsBackInTheQueue() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openCase(accountId);
        Instant before = clock.instant();

        String token = requestInfo(accountId, caseId);

        HttpTestClient.Response request = http.get("/api/verification/information-requests/" + token, null);
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(request.json().path("caseId").asString()).isEqualTo(caseId);
        assertThat(request.json().path("message").asString()).isEqualTo(MESSAGE);
        assertThat(request.json().path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(Instant.parse(request.json().path("requestedAt").asString())).isAfter(before.minusSeconds(1));
        assertThat(Instant.parse(request.json().path("expiresAt").asString()))
                .isAfter(before.plus(Duration.ofDays(13)));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                        Long.class,
                        "%" + token + "%"))
                .as("the token is in no event")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM information_request WHERE token_hash = ?", Long.class, token))
                .as("only its hash is stored")
                .isZero();
        String documentId = upload();

        HttpTestClient.Response answered = answer(caseId, documentId, token);

        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        assertThat(answered.json().path("status").asString()).isEqualTo("IN_REVIEW");
        JsonNode view = awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        assertThat(view.path("documents").toString()).contains(documentId).contains("COMMERCIAL_INVOICE");
        assertThat(view.path("documents")).hasSize(2);
        assertThat(view.path("informationProvidedAt").asString()).isNotBlank();
        JsonNode queue = http.get("/api/verification/cases?status=IN_REVIEW", TestTokens.operator())
                .json();
        assertThat(queue.toString()).as("in the operators' queue").contains(caseId);
        JsonNode provided = published(accountId, "cps.verification.VerificationInfoProvided.v1");
        assertThat(provided.path("caseId").asString()).isEqualTo(caseId);
        assertThat(provided.path("documentId").asString()).isEqualTo(documentId);
        HttpTestClient.Response document =
                http.get("/api/verification/cases/" + caseId + "/documents/" + documentId, TestTokens.operator());
        assertThat(document.status()).as("the operator can open it").isEqualTo(200);

        JsonNode again = problem(answer(caseId, upload(), token), 400);
        assertThat(again.path("errors").get(0).path("field").asString()).isEqualTo("token");
        problem(http.get("/api/verification/information-requests/" + token, null), 404);
        assertThat(decide(caseId, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(202);
    }

    @Test
    void wrongTokenCaseOrDocument_isRefused_andNothingChanges() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openCase(accountId);
        String token = requestInfo(accountId, caseId);
        String otherCase = openCase(UUID.randomUUID().toString());
        String documentId = upload();
        long events = eventCount(caseId);

        assertThat(problem(answer(caseId, documentId, "not-a-token"), 400)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("token");
        problem(answer(otherCase, documentId, token), 400);
        assertThat(problem(answer(caseId, UUID.randomUUID().toString(), token), 400)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("documentId");
        problem(http.postJson("/api/verification/cases/" + caseId + "/documents", "{}", null), 400);
        problem(http.postJson("/api/verification/cases/" + caseId + "/documents", "{\"token\":", null), 400);
        problem(http.get("/api/verification/information-requests/not-a-token", null), 404);

        assertThat(eventCount(caseId)).isEqualTo(events);
        assertThat(answer(caseId, documentId, token).status())
                .as("the link still works")
                .isEqualTo(202);
    }

    @Test
    void anExpiredLink_andACaseNoLongerWaiting_areRefused() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openCase(accountId);
        String token = requestInfo(accountId, caseId);
        String documentId = upload();
        try {
            clock.advance(Duration.ofDays(14));
            JsonNode expired = problem(answer(caseId, documentId, token), 400);
            assertThat(expired.path("errors").get(0).path("message").asString()).isEqualTo("has expired");
            problem(http.get("/api/verification/information-requests/" + token, null), 404);
        } finally {
            clock.reset();
        }

        String decidedAccount = UUID.randomUUID().toString();
        String decidedCase = openCase(decidedAccount);
        String decidedToken = requestInfo(decidedAccount, decidedCase);
        assertThat(decide(decidedCase, "{\"decision\":\"REJECT\",\"reason\":\"Not a business\"}")
                        .status())
                .isEqualTo(202);
        JsonNode notWaiting = problem(answer(decidedCase, documentId, decidedToken), 400);
        assertThat(notWaiting.path("detail").asString()).contains("not waiting");
        assertThat(eventCount(decidedCase, "InformationProvided")).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String openCase(String accountId) {
        Applications.submit(accountId, "DE", false, null, List.of("doc-" + accountId), clock.instant());
        awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        return VerificationCase.caseIdFor(accountId);
    }

    /** An operator asks for information; returns the link's token as published for the e-mail. */
    private String requestInfo(String accountId, String caseId) {
        HttpTestClient.Response decided =
                decide(caseId, HttpTestClient.json(Map.of("decision", "REQUEST_INFO", "reason", MESSAGE)));
        assertThat(decided.status()).as(decided.body()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = publishedRecord(accountId, VerificationInfoRequestedV2.TYPE);
        JsonNode requested = JSON.readTree(record.value());
        assertThat(requested.path("reason").asString()).isEqualTo(MESSAGE);
        // on the topic only sealed for notification-service (ADR 20); its key opens it for this event only
        String token = NOTIFICATION_KEY.open(
                requested.path("sealedToken").asString(),
                SealedSecrets.eventContext(VerificationInfoRequestedV2.TYPE, KafkaTestClient.header(record, "ce_id")));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(new String(record.value(), StandardCharsets.UTF_8) + KafkaTestClient.headers(record))
                .as("the raw record")
                .doesNotContain(token);
        assertThat(Instant.parse(requested.path("tokenExpiresAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(13)));
        awaitCase(accountId, v -> v.path("status").asString().equals("INFO_REQUESTED"));
        return token;
    }

    private String upload() {
        Multipart multipart =
                Multipart.of("COMMERCIAL_INVOICE", "invoice.pdf", "application/pdf", Applications.pdf(2048));
        HttpTestClient.Response uploaded =
                http.postBytes("/api/verification/documents", multipart.contentType(), multipart.body(), null);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().path("documentId").asString();
    }

    private HttpTestClient.Response answer(String caseId, String documentId, String token) {
        return http.postJson(
                "/api/verification/cases/" + caseId + "/documents",
                HttpTestClient.json(Map.of("documentId", documentId, "token", token)),
                null);
    }

    private HttpTestClient.Response decide(String caseId, String body) {
        return http.postJson("/api/verification/cases/" + caseId + "/decision", body, TestTokens.operator());
    }

    private JsonNode awaitCase(String accountId, Predicate<JsonNode> until) {
        return await().atMost(WAIT)
                .until(
                        () -> http.get("/api/verification/cases?accountId=" + accountId, TestTokens.operator())
                                .json(),
                        cases -> cases.size() == 1 && until.test(cases.get(0)))
                .get(0);
    }

    private static JsonNode published(String accountId, String type) {
        return JSON.readTree(publishedRecord(accountId, type).value());
    }

    private static ConsumerRecord<String, byte[]> publishedRecord(String accountId, String type) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                Applications.VERIFICATION_TOPIC,
                r -> accountId.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")),
                WAIT);
        ConsumerRecord<String, byte[]> record = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        assertThat(record).as(type + " for " + accountId).isNotNull();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(type);
        return record;
    }

    private long eventCount(String caseId) {
        return eventCount(caseId, "");
    }

    private long eventCount(String caseId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                caseId,
                "%" + type);
    }

    private static JsonNode problem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        return response.json();
    }
}
