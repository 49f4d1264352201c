package com.canon.cps.verification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.Applications.Multipart;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.review.domain.VerificationCase;
import com.canon.cps.verification.review.domain.VerificationCaseErased;
import com.canon.cps.verification.review.domain.VerificationCaseOpened;
import com.canon.cps.verification.review.domain.VerificationInfoRequested;
import com.canon.cps.verification.review.query.VerificationCaseView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23) in verification-service, end to end through the real broker: an
 * application with an uploaded document, asked for more information by an operator, is erased by the
 * {@code AccountErased} record account-service publishes. The case's events never held the personal values in clear;
 * afterwards the document is gone, the information link is gone, no deadline is left, the operators' queue and a
 * rebuild of it hold none of the values, the case still loads (and refuses decisions as erased), and a late
 * application record of the account opens nothing.
 */
@VerificationServiceTest
class AccountErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROJECTION = "verification-cases";
    private static final String ERASED = PersonalData.ERASED;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventStore events;

    @Autowired
    PersonalDataErasure erasure;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void erasedAccount_leavesNoPersonalValue_andItsCaseIsClosedForGood() {
        String accountId = UUID.randomUUID().toString();
        String caseId = VerificationCase.caseIdFor(accountId);
        String company = "Erasable Optics " + UUID.randomUUID().toString().substring(0, 8) + " GmbH";
        String reason = "Please send the trade register extract of " + company;
        List<String> personal = List.of(company, reason, Applications.REFUSED_VAT_ID);

        // an application with an uploaded document; the registry refuses its VAT ID, so it waits for an operator
        String documentId = upload();
        submit(UUID.randomUUID().toString(), accountId, company, List.of(documentId));
        awaitCase(caseId, c -> c.path("status").asString().equals("IN_REVIEW"));
        HttpTestClient.Response asked = http.postJson(
                "/api/verification/cases/" + caseId + "/decision",
                HttpTestClient.json(new Decision("REQUEST_INFO", reason)),
                TestTokens.operator());
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        JsonNode before = awaitCase(caseId, c -> c.path("status").asString().equals("INFO_REQUESTED"));
        assertThat(before.path("companyName").asString())
                .as("the readers see clear values")
                .isEqualTo(company);
        assertThat(before.path("decision").path("reason").asString()).isEqualTo(reason);
        assertThat(documentExists(documentId)).isTrue();
        assertThat(informationRequests(caseId)).isEqualTo(1);
        assertThat(deadlines(caseId)).as("the SLA deadline").isPositive();

        // the event store never held the personal values in clear
        List<String> stored = storedPayloads(caseId);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(4);
        for (String value : personal) {
            assertThat(stored).as("raw payloads").noneMatch(p -> p.contains(value));
        }

        // account-service erases the account
        KafkaTestClient.send(
                Applications.ACCOUNT_TOPIC,
                accountId,
                UUID.randomUUID().toString(),
                AccountErased.TYPE,
                HttpTestClient.json(new AccountErased(accountId, Instant.now())));

        JsonNode after = awaitCase(caseId, c -> c.path("status").asString().equals("ERASED"));
        assertThat(erasure.isErased(accountId)).isTrue();
        assertThat(after.path("companyName").asString()).isEqualTo(ERASED);
        assertThat(after.path("vatId").asString()).isEqualTo(ERASED);
        assertThat(after.path("decision").path("reason").asString()).isEqualTo(ERASED);
        assertThat(after.path("decision").path("outcome").asString())
                .as("what is not personal stays")
                .isEqualTo("INFO_REQUESTED");
        assertThat(after.path("country").asString()).isEqualTo("GB");
        assertThat(after.path("erasedAt").isNull()).isFalse();
        assertThat(after.path("documents").get(0).path("documentId").asString()).isEqualTo(documentId);
        assertNoPersonalValueInTheQueue(accountId, personal);

        // the evidence and the information link are gone, no deadline acts on the case any more
        assertThat(documentExists(documentId)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_document WHERE case_id = ?", Long.class, caseId))
                .isZero();
        assertThat(Applications.download(
                                "http://127.0.0.1:" + port + "/api/verification/cases/" + caseId + "/documents/"
                                        + documentId,
                                TestTokens.operator())
                        .statusCode())
                .isEqualTo(404);
        assertThat(informationRequests(caseId)).isZero();
        assertThat(deadlines(caseId)).isZero();

        // the case still loads from its events, which now read "[erased]", and refuses every decision. (The wait: a
        // reader that loaded the key while the erasure's transaction was still open may hold it in the platform's key
        // cache for up to cps.privacy.key-cache-ttl, 1 minute; reported to the platform, which should forget the
        // subject's keys again after the commit.)
        await().atMost(Duration.ofSeconds(90))
                .until(() -> ((VerificationCaseOpened) history(caseId).get(0)).companyName(), ERASED::equals);
        List<Object> history = history(caseId);
        assertThat(history.get(0)).isInstanceOfSatisfying(VerificationCaseOpened.class, opened -> {
            assertThat(opened.companyName()).isEqualTo(ERASED);
            assertThat(opened.vatId()).isEqualTo(ERASED);
            assertThat(opened.documents().get(0).documentId()).isEqualTo(documentId);
        });
        assertThat(history)
                .filteredOn(VerificationInfoRequested.class::isInstance)
                .singleElement()
                .satisfies(e ->
                        assertThat(((VerificationInfoRequested) e).reason()).isEqualTo(ERASED));
        assertThat(history.get(history.size() - 1)).isInstanceOf(VerificationCaseErased.class);
        HttpTestClient.Response approve = http.postJson(
                "/api/verification/cases/" + caseId + "/decision", "{\"decision\":\"APPROVE\"}", TestTokens.operator());
        assertThat(approve.status()).as(approve.body()).isEqualTo(409);
        assertThat(approve.body()).contains("ERASED");
        assertThat(storedPayloads(caseId)).hasSize(history.size());
        for (String value : personal) {
            assertThat(storedPayloads(caseId)).noneMatch(p -> p.contains(value));
        }

        // a rebuild of the queue from the event store brings none of the values back
        rebuild();
        JsonNode rebuilt = awaitCase(caseId, c -> c.path("status").asString().equals("ERASED"));
        assertThat(rebuilt.path("companyName").asString()).isEqualTo(ERASED);
        assertThat(rebuilt.path("decision").path("reason").asString()).isEqualTo(ERASED);
        assertNoPersonalValueInTheQueue(accountId, personal);

        // a late (or redelivered) application of the erased account opens nothing
        String late = UUID.randomUUID().toString();
        int eventsBefore = storedPayloads(caseId).size();
        submit(late, accountId, company, List.of(documentId));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, late)
                        == 1);
        assertThat(storedPayloads(caseId)).hasSize(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_document WHERE case_id = ?", Long.class, caseId))
                .isZero();
    }

    @Test
    void erasingAnAccountWithoutACase_isHarmless_andRepeatable() {
        String accountId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String again = UUID.randomUUID().toString();
        String json = HttpTestClient.json(new AccountErased(accountId, Instant.now()));

        KafkaTestClient.send(Applications.ACCOUNT_TOPIC, accountId, first, AccountErased.TYPE, json);
        KafkaTestClient.send(Applications.ACCOUNT_TOPIC, accountId, again, AccountErased.TYPE, json);

        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id IN (?, ?)",
                                Long.class,
                                first,
                                again)
                        == 2);
        assertThat(erasure.isErased(accountId)).isTrue();
        assertThat(storedPayloads(VerificationCase.caseIdFor(accountId))).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    record Decision(String decision, String reason) {}

    private String upload() {
        Multipart multipart = Multipart.of(
                "VAT_CERTIFICATE", "certificate of Erasable Optics.pdf", "application/pdf", Applications.pdf(2048));
        HttpTestClient.Response uploaded =
                http.postBytes("/api/verification/documents", multipart.contentType(), multipart.body(), null);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().path("documentId").asString();
    }

    /** The application as account-service publishes it. */
    private static void submit(String ceId, String accountId, String company, List<String> documentIds) {
        String json = HttpTestClient.json(new AccountApplicationSubmitted(
                accountId,
                company,
                new Address("1 Erasure Row", "SW1A 1AA", "London", "GB"),
                "GB",
                "Eve Erasable",
                "eve+" + accountId + "@erasable.example",
                "en",
                true,
                Applications.REFUSED_VAT_ID,
                documentIds,
                false,
                Instant.now()));
        KafkaTestClient.send(Applications.ACCOUNT_TOPIC, accountId, ceId, AccountApplicationSubmitted.TYPE, json);
    }

    private JsonNode awaitCase(String caseId, Predicate<JsonNode> until) {
        return await().atMost(WAIT)
                .until(
                        () -> http.get("/api/verification/cases/" + caseId, TestTokens.operator()),
                        r -> r.status() == 200 && until.test(r.json()))
                .json();
    }

    /** Every version of the queue's collection (the active one, one being rebuilt): the account's documents as JSON. */
    private void assertNoPersonalValueInTheQueue(String accountId, List<String> personal) {
        Pattern versions = Pattern.compile(VerificationCaseView.COLLECTION + "(_v[0-9]+)?");
        List<String> documents = mongo.getCollectionNames().stream()
                .filter(name -> versions.matcher(name).matches())
                .flatMap(name ->
                        mongo
                                .find(Query.query(Criteria.where("accountId").is(accountId)), Document.class, name)
                                .stream())
                .map(Document::toJson)
                .toList();
        assertThat(documents).isNotEmpty();
        for (String value : personal) {
            assertThat(documents).noneMatch(d -> d.contains(value));
        }
    }

    private List<Object> history(String caseId) {
        return events.readEvents(caseId)
                .asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    private List<String> storedPayloads(String caseId) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                        byte[].class,
                        caseId)
                .stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
    }

    private boolean documentExists(String documentId) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM evidence_document WHERE document_id = ?", Long.class, documentId)
                == 1;
    }

    private long informationRequests(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM information_request WHERE case_id = ?", Long.class, caseId);
    }

    private long deadlines(String caseId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_deadline WHERE deadline_id LIKE ?", Long.class, "%:" + caseId + "%");
    }

    private void rebuild() {
        String admin = TestTokens.operator();
        HttpTestClient.Response started =
                http.post("/admin/projections/" + PROJECTION + "/rebuild", "application/json", "", admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(WAIT)
                .until(
                        () -> http.get("/admin/projections/" + PROJECTION + "/rebuild", admin)
                                .json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
    }
}
