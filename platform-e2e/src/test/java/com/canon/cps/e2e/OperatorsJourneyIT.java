package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalService;
import com.canon.cps.platform.test.HttpTestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators as users through the entry point (ADR 19): the configured operator is an ADMIN; it creates a REVIEWER and
 * a BILLING operator, who log in like members; each acts within its role and is refused outside it; and every action
 * is in the audit trail of the service that performed it, with the operator's e-mail.
 */
class OperatorsJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpTestClient http;
    /**
     * account-service itself, for {@code /api/operators/**}: the local entry point does not route that prefix yet
     * (deploy/nginx.conf does).
     */
    static HttpTestClient account;

    static String admin;

    @BeforeAll
    static void startPlatform() {
        http = SharedPlatform.http();
        account = new HttpTestClient("http://127.0.0.1:"
                + SharedPlatform.get()
                        .context(LocalService.ACCOUNT)
                        .getEnvironment()
                        .getProperty("local.server.port"));
        admin = SharedPlatform.operatorToken();
    }

    @Test
    void theAdminCreatesOperators_eachActsWithinItsRole_andEveryActionIsInItsServicesTrail() {
        // the configured (bootstrap) operator: OPERATOR and ADMIN, named in its token
        JsonNode adminClaims = claims(admin);
        assertThat(adminClaims.path("roles").toString()).contains("OPERATOR", "ADMIN");
        String adminEmail = adminClaims.path("email").asString();
        assertThat(adminClaims.path("operatorId").asString()).isNotBlank();

        String run = UUID.randomUUID().toString().substring(0, 8);
        String reviewerEmail = "rita." + run + "@cps.local";
        String billingEmail = "bea." + run + "@cps.local";
        String reviewer = createAndLogIn(reviewerEmail, "Rita Reviewer", "REVIEWER");
        String billing = createAndLogIn(billingEmail, "Bea Billing", "BILLING");
        assertThat(claims(reviewer).path("roles").toString()).contains("OPERATOR", "REVIEWER");

        // a reviewer decides an application; a billing operator may not
        String applicant = "audit+" + run + "@muster.example";
        String accountId =
                Journeys.apply(Applications.deNonVat("Prüfpfad " + run + " GmbH", applicant), "TRADE_REGISTER_EXTRACT");
        String caseId = awaitCaseInReview(accountId, billing);
        String reject = "{\"decision\": \"REJECT\", \"reason\": \"The extract is older than three months\"}";
        assertThat(http.postJson("/api/verification/cases/" + caseId + "/decision", reject, billing)
                        .status())
                .isEqualTo(403);
        HttpTestClient.Response decided =
                http.postJson("/api/verification/cases/" + caseId + "/decision", reject, reviewer);
        assertThat(decided.status()).as(decided.body()).isEqualTo(202);

        // a billing operator imports a statement and the old system's CSV; a reviewer may not
        String statement = statement("RF18539007547034", "10.00");
        assertThat(http.post("/api/billing/bank-statements", "application/xml", statement, reviewer)
                        .status())
                .isEqualTo(403);
        HttpTestClient.Response imported =
                http.post("/api/billing/bank-statements", "application/xml", statement, billing);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("unmatched").asInt()).isEqualTo(1);
        String csv = "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n" + "old." + run
                + "@muster.example,EOS-R5,R5-AUDIT-" + run + ",2021-03-10,GB,Wex Photo\n";
        assertThat(http.post("/api/products/legacy-registrations", "text/csv", csv, reviewer)
                        .status())
                .isEqualTo(403);
        HttpTestClient.Response legacy = http.post("/api/products/legacy-registrations", "text/csv", csv, billing);
        assertThat(legacy.status()).as(legacy.body()).isEqualTo(200);

        // only the ADMIN rebuilds and re-drives; any operator finds a member
        assertThat(http.post("/admin/account/projections/member-search/rebuild", "application/json", "", reviewer)
                        .status())
                .isEqualTo(403);
        HttpTestClient.Response rebuild =
                http.post("/admin/account/projections/member-search/rebuild", "application/json", "", admin);
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        assertThat(http.post("/admin/points/dead-letters/retry-all", "application/json", "", billing)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/admin/points/dead-letters/retry-all", "application/json", "", admin)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> account.get("/api/operators/members?q=" + encode(applicant), billing)
                                .json(),
                        found -> found.size() == 1
                                && found.get(0).path("accountId").asString().equals(accountId));

        // each action in its service's trail, with who did it
        assertThat(trail("verification", caseId, reviewerEmail)).contains("VERIFICATION_DECIDED");
        assertThat(trail("billing", null, billingEmail)).contains("BANK_STATEMENT_IMPORTED");
        assertThat(trail("product", null, billingEmail)).contains("LEGACY_PRODUCTS_IMPORTED");
        assertThat(trail("account", "member-search", adminEmail)).contains("PROJECTION_REBUILD_STARTED");
        assertThat(trail("points", null, adminEmail)).contains("DEAD_LETTERS_REDRIVEN");
        assertThat(trail("account", null, adminEmail)).contains("OPERATOR_CREATED");
        assertThat(trail("verification", null, billingEmail))
                .as("a refused action leaves nothing")
                .isEmpty();
    }

    private static String createAndLogIn(String email, String name, String role) {
        HttpTestClient.Response created = account.postJson(
                "/api/operators",
                HttpTestClient.json(Map.of("email", email, "name", name, "roles", List.of(role))),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        HttpTestClient.Response login =
                Journeys.login(email, created.json().path("initialPassword").asString());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    private static String awaitCaseInReview(String accountId, String token) {
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode cases = http.get("/api/verification/cases?accountId=" + accountId, token)
                    .json();
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).path("status").asString()).isEqualTo("IN_REVIEW");
            caseId[0] = cases.get(0).path("caseId").asString();
        });
        return caseId[0];
    }

    /** The actions {@code operator} performed in {@code service} (on {@code subject}, if given), newest first. */
    private static List<String> trail(String service, String subject, String operator) {
        String query = "?operator=" + encode(operator) + (subject == null ? "" : "&subject=" + encode(subject));
        HttpTestClient.Response r = http.get("/admin/" + service + "/audit" + query, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        r.json().forEach(e -> {
            assertThat(e.path("operatorEmail").asString()).isEqualToIgnoringCase(operator);
            assertThat(e.path("service").asString()).isEqualTo(service);
            actions.add(e.path("action").asString());
        });
        return actions;
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String statement(String reference, String amount) {
        String today = LocalDate.now().toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-%1$s</MsgId><CreDtTm>%2$sT08:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s</Id><CreDtTm>%2$sT08:00:00</CreDtTm>
                      <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="GBP">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><AcctSvcrRef>BANK-%1$s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <RltdPties><Dbtr><Nm>Prüfpfad bank</Nm></Dbtr></RltdPties>
                          <RmtInf><Strd><CdtrRefInf><Ref>%3$s</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(UUID.randomUUID(), today, reference, amount);
    }
}
