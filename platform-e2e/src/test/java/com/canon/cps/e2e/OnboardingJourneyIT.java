package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalPlatform;
import com.canon.cps.platform.test.HttpTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The onboarding journeys of docs/api.md through the entry point and the real broker: a GB VAT-liable company verified
 * automatically (registry-confirmed VAT ID), a DE non-VAT company verified by an operator, and a rejected applicant.
 */
class OnboardingJourneyIT {

    private static final String PASSWORD = Journeys.PASSWORD;

    static LocalPlatform platform;
    static HttpTestClient http;
    static String operatorToken;

    @BeforeAll
    static void platform() {
        platform = SharedPlatform.get();
        http = SharedPlatform.http();
        operatorToken = SharedPlatform.operatorToken();
    }

    @Test
    void gbVatLiableCompany_isVerifiedByPolicy_setsPassword_andReadsItsAccount() {
        String email = "gb-" + UUID.randomUUID() + "@lumen.example";
        String accountId = Journeys.apply(Applications.gbVatLiable("Lumen Studio Ltd", email), "VAT_CERTIFICATE");

        String token = Journeys.awaitPasswordLink(email);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(accountId).equals("VERIFIED"));
        activateAndCheck(accountId, email, token, "Lumen Studio Ltd");
    }

    @Test
    void deNonVatCompany_isVerifiedByAnOperator_setsPassword_andReadsItsAccount() {
        String email = "de-" + UUID.randomUUID() + "@muster.example";
        String accountId = Journeys.apply(Applications.deNonVat("Muster Foto GmbH", email), "TRADE_REGISTER_EXTRACT");

        String caseId = awaitCase(accountId).path("caseId").asString();
        assertThat(decide(caseId, "APPROVE", null).status()).isEqualTo(202);
        assertThat(decide(caseId, "REJECT", "too late").status()).isEqualTo(409);

        String token = Journeys.awaitPasswordLink(email);
        activateAndCheck(accountId, email, token, "Muster Foto GmbH");
    }

    @Test
    void rejectedApplicant_getsTheReason_andCanNeverSetAPassword() {
        String email = "rejected-" + UUID.randomUUID() + "@muster.example";
        String accountId = Journeys.apply(Applications.deNonVat("Zweifel GmbH", email), "COMMERCIAL_INVOICE");
        String caseId = awaitCase(accountId).path("caseId").asString();
        assertThat(decide(caseId, "REJECT", "Das Dokument ist nicht lesbar").status())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(status(accountId)).isEqualTo("REJECTED");
            assertThat(Journeys.mails(email))
                    .anySatisfy(m -> assertThat(m.text()).contains("Das Dokument ist nicht lesbar"));
        });
        assertThat(Journeys.mails(email)).noneSatisfy(m -> assertThat(m.text()).contains("token="));
        assertThat(Journeys.login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(http.postJson("/api/accounts/password", json("token", "not-a-token", "password", PASSWORD), null)
                        .status())
                .isEqualTo(400);
    }

    private void activateAndCheck(String accountId, String email, String token, String company) {
        assertThat(http.postJson("/api/accounts/password", json("token", token, "password", "short"), null)
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson("/api/accounts/password", json("token", token, "password", PASSWORD), null)
                        .status())
                .isEqualTo(204);
        assertThat(http.postJson("/api/accounts/password", json("token", token, "password", PASSWORD + "x"), null)
                        .status())
                .as("a used token is refused")
                .isEqualTo(400);

        HttpTestClient.Response login = Journeys.login(email, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String memberToken = login.json().path("accessToken").asString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", memberToken).json();
            assertThat(me.path("accountId").asString()).isEqualTo(accountId);
            assertThat(me.path("companyName").asString()).isEqualTo(company);
            assertThat(me.path("status").asString()).isEqualTo("ACTIVE");
        });
        assertThat(Journeys.mails(email).stream().filter(m -> m.text().contains("token=")))
                .as("exactly one password e-mail")
                .hasSize(1);
        assertThat(Journeys.mails(email))
                .allSatisfy(m -> assertThat(m.from()).isEqualTo("donotreply@canon-europe.com"));
    }

    private JsonNode awaitCase(String accountId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode cases = http.get("/api/verification/cases?accountId=" + accountId, operatorToken)
                    .json();
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).path("status").asString()).isEqualTo("IN_REVIEW");
            found[0] = cases.get(0);
        });
        return found[0];
    }

    private HttpTestClient.Response decide(String caseId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return http.postJson(
                "/api/verification/cases/" + caseId + "/decision", HttpTestClient.json(body), operatorToken);
    }

    private static String status(String accountId) {
        return http.get("/api/accounts/applications/" + accountId, null)
                .json()
                .path("status")
                .asString();
    }

    private static String json(String k1, String v1, String k2, String v2) {
        return HttpTestClient.json(Map.of(k1, v1, k2, v2));
    }
}
