package com.canon.cps.verification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.CompanyChangeRequested;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.Applications;
import com.canon.cps.verification.VerificationServiceTest;
import com.canon.cps.verification.review.domain.VerificationCase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's change of company name or VAT ID ({@code CompanyChangeRequested} on {@code cps.account.events}) reviewed
 * as a case of kind {@code CHANGE}: a new VAT ID is checked like an application's (and approved by the policy when the
 * registry confirms it), a new name under the same VAT ID goes to an operator; the outcome is published as
 * {@code CompanyChangeApproved} or {@code CompanyChangeRejected}, never as an account verification.
 */
@VerificationServiceTest
class CompanyChangeCaseIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void aNewNameUnderTheSameVatId_waitsForAnOperator_whoApprovesIt() {
        String accountId = UUID.randomUUID().toString();
        String changeId = request(accountId, "Lumen Studio Group Ltd", "GB980780684", false);
        String caseId = VerificationCase.caseIdForChange(changeId);

        JsonNode view = awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));
        assertThat(view.path("caseId").asString()).isEqualTo(caseId);
        assertThat(view.path("kind").asString()).isEqualTo("CHANGE");
        assertThat(view.path("changeId").asString()).isEqualTo(changeId);
        assertThat(view.path("companyName").asString()).isEqualTo("Lumen Studio Group Ltd");
        assertThat(view.path("previousCompanyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(view.path("registryCheck").path("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(view.path("deadline").asString()).isNotBlank();
        JsonNode noInfo = problem(decide(caseId, "{\"decision\":\"REQUEST_INFO\",\"reason\":\"Extract?\"}"), 400);
        assertThat(noInfo.path("errors").get(0).path("field").asString()).isEqualTo("decision");

        assertThat(decide(caseId, "{\"decision\":\"APPROVE\"}").status()).isEqualTo(202);

        JsonNode approved = published(accountId, "cps.verification.CompanyChangeApproved.v1");
        assertThat(approved.path("changeId").asString()).isEqualTo(changeId);
        assertThat(approved.path("caseId").asString()).isEqualTo(caseId);
        assertThat(approved.path("companyName").asString()).isEqualTo("Lumen Studio Group Ltd");
        assertThat(approved.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(approved.path("method").asString()).isEqualTo("OPERATOR");
        assertThat(publishedTypes(accountId)).doesNotContain("cps.verification.AccountVerified.v1");
        awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
    }

    @Test
    void aNewVatIdTheRegistryConfirms_isApprovedByThePolicy_withTheEvidence() {
        String accountId = UUID.randomUUID().toString();
        String changeId = request(accountId, "Lumen Studio Ltd", "GB980780684", true);

        JsonNode approved = published(accountId, "cps.verification.CompanyChangeApproved.v1");

        assertThat(approved.path("changeId").asString()).isEqualTo(changeId);
        assertThat(approved.path("method").asString()).isEqualTo("REGISTRY_POLICY");
        assertThat(approved.path("registryEvidence").path("vatId").asString()).isEqualTo("GB980780684");
        awaitCase(accountId, v -> v.path("status").asString().equals("APPROVED"));
    }

    @Test
    void anOperatorRejectsAChange_withAReason() {
        String accountId = UUID.randomUUID().toString();
        String changeId = request(accountId, "Canon Europe Ltd", "GB980780684", false);
        String caseId = VerificationCase.caseIdForChange(changeId);
        awaitCase(accountId, v -> v.path("status").asString().equals("IN_REVIEW"));

        assertThat(decide(caseId, "{\"decision\":\"REJECT\",\"reason\":\"Not your company\"}")
                        .status())
                .isEqualTo(202);

        JsonNode rejected = published(accountId, "cps.verification.CompanyChangeRejected.v1");
        assertThat(rejected.path("changeId").asString()).isEqualTo(changeId);
        assertThat(rejected.path("reason").asString()).isEqualTo("Not your company");
        assertThat(publishedTypes(accountId)).doesNotContain("cps.verification.AccountVerificationRejected.v1");
        problem(decide(caseId, "{\"decision\":\"APPROVE\"}"), 409);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String request(String accountId, String companyName, String vatId, boolean vatIdChanged) {
        String changeId = UUID.randomUUID().toString();
        KafkaTestClient.send(
                Applications.ACCOUNT_TOPIC,
                accountId,
                UUID.randomUUID().toString(),
                CompanyChangeRequested.TYPE,
                HttpTestClient.json(new CompanyChangeRequested(
                        accountId,
                        changeId,
                        companyName,
                        vatId,
                        "Lumen Studio Ltd",
                        vatIdChanged ? "GB123456782" : vatId,
                        vatIdChanged,
                        "GB",
                        clock.instant())));
        return changeId;
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
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                Applications.VERIFICATION_TOPIC,
                r -> accountId.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")),
                WAIT);
        ConsumerRecord<String, byte[]> record = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        assertThat(record).as(type + " for " + accountId).isNotNull();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo(type);
        return JSON.readTree(record.value());
    }

    private static List<String> publishedTypes(String accountId) {
        return KafkaTestClient.readUntil(Applications.VERIFICATION_TOPIC, r -> false, Duration.ofSeconds(2)).stream()
                .filter(r -> accountId.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, "ce_type"))
                .toList();
    }

    private static JsonNode problem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        return response.json();
    }
}
