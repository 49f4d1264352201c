package com.canon.cps.verification.review;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.contract.AccountVerificationRejected;
import com.canon.cps.verification.contract.AccountVerified;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import com.canon.cps.verification.contract.VerificationSlaBreached;
import com.canon.cps.verification.registry.SimulatedVatRegistry;
import com.canon.cps.verification.review.domain.VerificationCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review end to end: application in from {@code cps.account.events}, registry check through the simulator,
 * operator decisions over HTTP, SLA deadline on the business clock, contract events out on
 * {@code cps.verification.events}.
 */
@VerificationServiceTest
class VerificationReviewIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    @Autowired
    SimulatedVatRegistry simulator;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    // ---- registry ----------------------------------------------------------------------------------------------

    @Test
    void registryConfirmsTheVatId_caseIsApprovedByPolicy_andAccountVerifiedCarriesTheEvidence() {
        String accountId = UUID.randomUUID().toString();
        double approvedBefore =
                counter("cps.verification.outcomes", "outcome", "APPROVED", "method", "REGISTRY_POLICY");

        Applications.submit(accountId, "GB", true, "GB980780684", List.of(), clock.instant());

        JsonNode c = awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
        JsonNode check = c.path("registryCheck");
        assertThat(check.path("status").asString()).isEqualTo("VALID");
        assertThat(check.path("registry").asString()).isEqualTo("HMRC");
        assertThat(check.path("consultationNumber").asString()).matches("[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(check.path("checkedAt").isNull()).isFalse();
        assertThat(c.path("decision").path("method").asString()).isEqualTo("REGISTRY_POLICY");

        AccountVerified published = published(accountId, AccountVerified.TYPE, AccountVerified.class);
        assertThat(published.method()).isEqualTo("REGISTRY_POLICY");
        assertThat(published.caseId()).isEqualTo(VerificationCase.caseIdFor(accountId));
        assertThat(published.registryEvidence().registry()).isEqualTo("HMRC");
        assertThat(published.registryEvidence().vatId()).isEqualTo("GB980780684");
        assertThat(published.registryEvidence().consultationNumber())
                .isEqualTo(check.path("consultationNumber").asString());
        assertThat(published.registryEvidence().checkedAt()).isNotNull();
        assertThat(counter("cps.verification.outcomes", "outcome", "APPROVED", "method", "REGISTRY_POLICY"))
                .isEqualTo(approvedBefore + 1);
    }

    @Test
    void registryFault_showsUnavailable_andAfterTheRegistryRecovers_theScheduledRecheckCompletes() {
        String accountId = UUID.randomUUID().toString();
        String caseId = VerificationCase.caseIdFor(accountId);
        simulator.outage(true);
        JsonNode unavailable;
        try {
            Applications.submit(accountId, "IE", true, "IE6388047V", List.of(), clock.instant());

            unavailable = awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        } finally {
            simulator.outage(false);
        }
        JsonNode check = unavailable.path("registryCheck");
        assertThat(check.path("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(check.path("registry").asString()).isEqualTo("VIES");
        assertThat(check.path("fault").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        Instant nextCheckAt = Instant.parse(check.path("nextCheckAt").asString());
        assertThat(nextCheckAt).isAfter(clock.instant());
        assertThat(jdbc.queryForObject(
                                "SELECT due_at FROM scheduled_deadline WHERE deadline_id = ?",
                                Timestamp.class,
                                "verification.registry-check:" + caseId + ":2")
                        .toInstant()
                        .truncatedTo(ChronoUnit.MILLIS))
                .as("the re-check is persistent")
                .isEqualTo(nextCheckAt.truncatedTo(ChronoUnit.MILLIS));

        deadlines.fireDue();
        assertThat(caseView(caseId).path("registryCheck").path("status").asString())
                .as("not due yet")
                .isEqualTo("UNAVAILABLE");

        clock.advance(Duration.between(clock.instant(), nextCheckAt).plusSeconds(1));
        deadlines.fireDue();

        JsonNode approved =
                awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
        assertThat(approved.path("registryCheck").path("status").asString()).isEqualTo("VALID");
        assertThat(approved.path("registryCheck").path("fault").isNull()).isTrue();
        AccountVerified published = published(accountId, AccountVerified.TYPE, AccountVerified.class);
        assertThat(published.method()).isEqualTo("REGISTRY_POLICY");
        assertThat(published.registryEvidence().consultationNumber()).startsWith("WAPI");
    }

    @Test
    void registrySaysInvalid_caseStaysForTheOperator_andIsNotRejected() {
        String accountId = UUID.randomUUID().toString();

        Applications.submit(accountId, "GB", true, Applications.REFUSED_VAT_ID, List.of(), clock.instant());

        JsonNode c = awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        assertThat(c.path("registryCheck").path("status").asString()).isEqualTo("INVALID");
        assertThat(c.path("decision").isNull()).isTrue();
    }

    @Test
    void vatLiableWithAnInvoiceInsteadOfAVatId_noRegistryCall_waitsForAnOperator_neverApprovedByPolicy() {
        String accountId = UUID.randomUUID().toString();
        Applications.Multipart invoice = Applications.Multipart.of(
                "INVOICE_WITH_VAT_ID", "invoice.pdf", "application/pdf", Applications.pdf(2048));
        HttpTestClient.Response uploaded =
                http.postBytes("/api/verification/documents", invoice.contentType(), invoice.body(), null);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String documentId = uploaded.json().path("documentId").asString();

        Applications.submit(accountId, "GB", true, null, List.of(documentId), clock.instant());

        JsonNode c = awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        String caseId = VerificationCase.caseIdFor(accountId);
        assertThat(c.path("vatLiable").asBoolean()).isTrue();
        assertThat(c.path("vatId").isNull()).isTrue();
        assertThat(c.path("registryCheck").path("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(c.path("documents").get(0).path("documentId").asString()).isEqualTo(documentId);
        assertThat(c.path("documents").get(0).path("type").asString()).isEqualTo("INVOICE_WITH_VAT_ID");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_deadline WHERE deadline_id LIKE ?",
                        Long.class,
                        "verification.registry-check:" + caseId + ":%"))
                .as("no registry check is scheduled")
                .isZero();

        deadlines.fireDue();

        for (String registryEvent :
                List.of("VatIdConfirmed", "VatIdReportedInvalid", "RegistryCheckUnavailable", "AccountVerified")) {
            assertThat(eventCount(caseId, registryEvent)).as(registryEvent).isZero();
        }
        assertThat(caseView(caseId).path("status").asString()).isEqualTo("IN_REVIEW");

        assertThat(decide(caseId, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(202);
        AccountVerified published = published(accountId, AccountVerified.TYPE, AccountVerified.class);
        assertThat(published.method()).isEqualTo("OPERATOR");
        assertThat(published.registryEvidence()).isNull();
    }

    // ---- operator decisions ------------------------------------------------------------------------------------

    @Test
    void operatorApproves_accountVerifiedByOperator_andTheClosedCaseRefusesFurtherDecisions() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);

        HttpTestClient.Response approved = decide(caseId, "{\"decision\":\"APPROVE\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(202);
        AccountVerified published = published(accountId, AccountVerified.TYPE, AccountVerified.class);
        assertThat(published.method()).isEqualTo("OPERATOR");
        assertThat(published.registryEvidence()).isNull();
        JsonNode c = awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
        assertThat(c.path("decision").path("decidedBy").asString()).isEqualTo("operator:test@cps.local");

        assertProblem(decide(caseId, "{\"decision\":\"REJECT\",\"reason\":\"Too late\"}"), 409);
        assertProblem(decide(caseId, "{\"decision\":\"APPROVE\"}"), 409);
        assertThat(eventCount(caseId, "AccountVerified")).isEqualTo(1);
    }

    @Test
    void onlyReviewersAndAdminsWorkTheQueue_andEachDecisionIsInTheAuditTrailWithWhoAndWhen() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);
        String reviewer = TestTokens.operator("rita.reviewer@cps.local", "REVIEWER");
        String billing = TestTokens.operator("bill.billing@cps.local", "BILLING");
        String decision = "{\"decision\":\"REJECT\",\"reason\":\"Trade register extract unreadable\"}";

        for (String refused : List.of(billing, TestTokens.operator("reader@cps.local"), TestTokens.member(accountId))) {
            assertProblem(http.postJson("/api/verification/cases/" + caseId + "/decision", decision, refused), 403);
        }
        // any operator reads the queue; a member does not
        assertThat(http.get("/api/verification/cases?status=IN_REVIEW", billing).status())
                .isEqualTo(200);
        assertThat(http.get("/api/verification/cases/" + caseId, billing).status())
                .isEqualTo(200);
        assertProblem(http.get("/api/verification/cases?status=IN_REVIEW", TestTokens.member(accountId)), 403);
        assertProblem(http.get("/api/verification/cases/" + caseId, TestTokens.member(accountId)), 403);
        assertThat(eventCount(caseId, "AccountVerificationRejected")).isZero();
        assertThat(http.get("/admin/audit?subject=" + caseId, reviewer).json()).isEmpty();

        assertThat(http.get("/api/verification/cases/" + caseId, reviewer).status())
                .isEqualTo(200);
        Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        HttpTestClient.Response asked =
                http.postJson("/api/verification/cases/" + caseId + "/decision", decision, reviewer);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);

        JsonNode trail = http.get("/admin/audit?subject=" + caseId, billing).json();
        assertThat(trail).hasSize(1);
        JsonNode entry = trail.get(0);
        assertThat(entry.path("action").asString()).isEqualTo("VERIFICATION_DECIDED");
        assertThat(entry.path("service").asString()).isEqualTo("verification");
        assertThat(entry.path("subjectType").asString()).isEqualTo("CASE");
        assertThat(entry.path("accountId").asString()).isEqualTo(accountId);
        assertThat(entry.path("operatorEmail").asString()).isEqualTo("rita.reviewer@cps.local");
        assertThat(entry.path("operatorName").asString()).isEqualTo("Operator rita.reviewer");
        assertThat(entry.path("operatorId").asString()).isNotBlank();
        assertThat(Instant.parse(entry.path("at").asString())).isBetween(before, clock.instant());
        assertThat(entry.path("details").path("decision").asString()).isEqualTo("REJECT");
        assertThat(entry.path("details").path("reason").asString()).isEqualTo("Trade register extract unreadable");
        assertThat(http.get("/admin/audit?operator=RITA.reviewer@cps.local&action=VERIFICATION_DECIDED", billing)
                        .json())
                .extracting(e -> e.path("subjectId").asString())
                .contains(caseId);

        // a refused decision (the case is closed) records nothing
        assertProblem(http.postJson("/api/verification/cases/" + caseId + "/decision", decision, reviewer), 409);
        assertThat(http.get("/admin/audit?subject=" + caseId, reviewer).json()).hasSize(1);
        assertProblem(http.get("/admin/audit?limit=0", reviewer), 400);
        assertProblem(http.get("/admin/audit?since=yesterday", reviewer), 400);
        assertProblem(http.get("/admin/audit", TestTokens.member(accountId)), 403);
    }

    @Test
    void operatorRejectsWithAReason_rejectionPublishedWithTheReason() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);

        JsonNode missingReason = assertProblem(decide(caseId, "{\"decision\":\"REJECT\"}"), 400);
        assertThat(missingReason.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(decide(caseId, "{\"decision\":\"REJECT\",\"reason\":\"Invoice older than 3 months\"}")
                        .status())
                .isEqualTo(202);

        AccountVerificationRejected published =
                published(accountId, AccountVerificationRejected.TYPE, AccountVerificationRejected.class);
        assertThat(published.reason()).isEqualTo("Invoice older than 3 months");
        assertThat(awaitCase(accountId, v -> v.path("status").asString().equals("REJECTED"))
                        .path("decision")
                        .path("reason")
                        .asString())
                .isEqualTo("Invoice older than 3 months");
        assertProblem(decide(caseId, "{\"decision\":\"APPROVE\"}"), 409);
    }

    @Test
    void operatorRequestsInformation_thenApproves() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);

        assertProblem(decide(caseId, "{\"decision\":\"REQUEST_INFO\",\"reason\":\" \"}"), 400);
        assertThat(decide(caseId, "{\"decision\":\"REQUEST_INFO\",\"reason\":\"Please upload a recent invoice\"}")
                        .status())
                .isEqualTo(202);

        VerificationInfoRequestedV2 published =
                published(accountId, VerificationInfoRequestedV2.TYPE, VerificationInfoRequestedV2.class);
        assertThat(published.reason()).isEqualTo("Please upload a recent invoice");
        awaitCase(accountId, v -> v.path("status").asString().equals("INFO_REQUESTED"));

        assertThat(decide(caseId, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(202);
        awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
    }

    @Test
    void badDecisions_areRefusedWithProblems_andChangeNothing() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);
        long events = eventCount(caseId, "");

        assertProblem(decide(UUID.randomUUID().toString(), "{\"decision\":\"APPROVE\"}"), 404);
        assertThat(assertProblem(decide(caseId, "{\"decision\":\"ESCALATE\"}"), 400)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("decision");
        assertProblem(decide(caseId, "{\"decision\":"), 400);
        assertProblem(
                http.postJson(
                        "/api/verification/cases/" + caseId + "/decision",
                        "{\"decision\":\"APPROVE\"}",
                        TestTokens.member(accountId)),
                403);
        assertProblem(
                http.postJson("/api/verification/cases/" + caseId + "/decision", "{\"decision\":\"APPROVE\"}", null),
                401);

        assertThat(eventCount(caseId, "")).isEqualTo(events);
    }

    // ---- SLA -----------------------------------------------------------------------------------------------------

    @Test
    void undecidedCase_breachesItsSlaOnceWhenTheDeadlinePasses_andStaysOpen() {
        String accountId = UUID.randomUUID().toString();
        String caseId = openNonVatCase(accountId);
        Instant deadline = Instant.parse(caseView(caseId).path("deadline").asString());
        double breachedBefore = counter("cps.verification.sla.breached");

        deadlines.fireDue();
        assertThat(eventCount(caseId, "VerificationSlaBreached"))
                .as("before the deadline")
                .isZero();

        clock.advance(Duration.between(clock.instant(), deadline).plusMinutes(1));
        deadlines.fireDue();

        JsonNode breached = awaitCase(accountId, v -> v.path("slaBreached").asBoolean());
        assertThat(breached.path("status").asString()).isEqualTo("IN_REVIEW");
        VerificationSlaBreached published =
                published(accountId, VerificationSlaBreached.TYPE, VerificationSlaBreached.class);
        assertThat(published.deadline().truncatedTo(ChronoUnit.MILLIS))
                .as("the view keeps milliseconds")
                .isEqualTo(deadline);
        assertThat(published.caseId()).isEqualTo(caseId);
        assertThat(counter("cps.verification.sla.breached")).isGreaterThanOrEqualTo(breachedBefore + 1);

        // the same deadline again (a re-delivery, or a row left behind by a crash): the case has breached already
        jdbc.update(
                "INSERT INTO scheduled_deadline (deadline_id, name, due_at, payload) VALUES (?, ?, ?, ?)",
                "verification.sla:" + caseId,
                "verification.sla",
                Timestamp.from(clock.instant().minusSeconds(1)),
                "{\"caseId\":\"" + caseId + "\"}");
        deadlines.fireDue();

        // fired by this call or, when it skipped the row locked by the scheduler's own loop, by that loop
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?",
                                Long.class,
                                "verification.sla:" + caseId))
                        .as("fired")
                        .isZero());
        assertThat(eventCount(caseId, "VerificationSlaBreached")).isEqualTo(1);
    }

    @Test
    void policies_runInTheTransactionOfTheirEvent_notInATrackingProcessor() {
        assertThat(processing.eventProcessor("verification-policies"))
                .as("deadlines are stored with the event that causes them, and never again on a replay")
                .containsInstanceOf(SubscribingEventProcessor.class);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A case that is not VAT-liable: no registry check, straight into the operators' queue. */
    private String openNonVatCase(String accountId) {
        Applications.submit(accountId, "DE", false, null, List.of(), clock.instant());
        awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        return VerificationCase.caseIdFor(accountId);
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

    private JsonNode caseView(String caseId) {
        HttpTestClient.Response response = http.get("/api/verification/cases/" + caseId, TestTokens.operator());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static <T> T published(String accountId, String type, Class<T> contract) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                Applications.VERIFICATION_TOPIC,
                r -> accountId.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")),
                WAIT);
        ConsumerRecord<String, byte[]> record = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        assertThat(record).as(type + " for " + accountId).isNotNull();
        assertThat(record.key()).isEqualTo(accountId);
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(type);
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(accountId);
        return JSON.readValue(record.value(), contract);
    }

    private long eventCount(String caseId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                caseId,
                "%" + type);
    }

    private double counter(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
