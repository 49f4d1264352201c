package com.canon.cps.account.operator;

import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The operators' member search ({@code GET /api/operators/members?q=}) over account-service's search read model. */
@AccountServiceTest
class MemberSearchIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private HttpTestClient http;
    private AccountJourney journey;
    private final String reader = TestTokens.operator("desk@cps.local");

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void anyOperatorFindsAMember_byEmailCompanyNameVatIdOrAccountId_caseInsensitively() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("search-" + tag);
        Map<String, Object> body = journey.applicationBody(email, "en");
        body.put("companyName", "Zephyr " + tag + " Optics GmbH");
        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(body), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String accountId = created.json().path("accountId").asString();

        JsonNode found =
                await().atMost(WAIT).until(() -> search(email.toUpperCase(java.util.Locale.ROOT)), r -> r.size() == 1);
        JsonNode member = found.get(0);
        assertThat(member.path("accountId").asString()).isEqualTo(accountId);
        assertThat(member.path("email").asString()).isEqualTo(email);
        assertThat(member.path("companyName").asString()).isEqualTo("Zephyr " + tag + " Optics GmbH");
        assertThat(member.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(member.path("country").asString()).isEqualTo("GB");
        assertThat(member.path("status").asString()).isEqualTo("PENDING_VERIFICATION");

        assertThat(accountIds(search(tag))).containsExactly(accountId); // a word of the company name
        assertThat(accountIds(search("zephyr " + tag))).containsExactly(accountId); // the name's start
        assertThat(accountIds(search(accountId))).containsExactly(accountId);
        assertThat(accountIds(search("gb980780684"))).contains(accountId);
        assertThat(accountIds(search("980780684"))).contains(accountId); // without the country prefix
        assertThat(search("GB980780684")).hasSizeLessThanOrEqualTo(50);
        assertThat(search("optics " + tag)).isEmpty(); // prefixes only, not any substring
        assertThat(search("no-such-" + tag)).isEmpty();

        // the status follows the account
        journey.verify(accountId);
        await().atMost(WAIT).until(() -> search(accountId).get(0).path("status").asString(), "VERIFIED"::equals);
    }

    @Test
    void searchIsForOperators_andNeedsATerm() {
        assertProblem(
                http.get(
                        "/api/operators/members?q=lumen",
                        TestTokens.member(UUID.randomUUID().toString())),
                403);
        assertProblem(http.get("/api/operators/members?q=lumen", null), 401);
        assertProblem(http.get("/api/operators/members", reader), 400);
        assertProblem(http.get("/api/operators/members?q=a", reader), 400);
        assertProblem(http.get("/api/operators/members?q=" + "a".repeat(201), reader), 400);
        assertThat(http.get("/api/operators/members?q=.*", reader).status()).isEqualTo(200);
    }

    private JsonNode search(String q) {
        HttpTestClient.Response r =
                http.get("/api/operators/members?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> accountIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.path("accountId").asString()));
        return ids;
    }
}
