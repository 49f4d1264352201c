package com.canon.cps.account.operator;

import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Operator accounts (ADR 19): an ADMIN creates, lists, re-roles and disables them; the operator logs in with its roles
 * and name in its token; a disabled one can neither log in nor refresh; only ADMINs may; every change is in the audit
 * trail with who did it.
 */
@AccountServiceTest
class OperatorAccountsIT {

    private static final String ADMIN_EMAIL = "ada.admin@cps.local";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JwtDecoder jwtDecoder;

    private HttpTestClient http;
    private AccountJourney journey;
    private final String admin = TestTokens.operator(ADMIN_EMAIL, "ADMIN");

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void adminCreatesAReviewer_whoLogsInWithItsRoles_isReRoled_thenDisabled_andEachChangeIsAudited() {
        String email = uniqueEmail("rita");
        String body =
                HttpTestClient.json(Map.of("email", email, "name", "Rita Reviewer", "roles", List.of("REVIEWER")));

        // only an ADMIN: a reviewer, a member and no token change nothing
        String reviewer = TestTokens.operator("rolf.reviewer@cps.local", "REVIEWER");
        assertProblem(http.postJson("/api/operators", body, reviewer), 403);
        assertProblem(
                http.postJson(
                        "/api/operators",
                        body,
                        TestTokens.member(UUID.randomUUID().toString())),
                403);
        assertProblem(http.postJson("/api/operators", body, null), 401);
        assertProblem(http.get("/api/operators", reviewer), 403);
        assertThat(emails(http.get("/api/operators", admin).json())).doesNotContain(email);

        HttpTestClient.Response created = http.postJson("/api/operators", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode operator = created.json().path("operator");
        String operatorId = operator.path("operatorId").asString();
        String password = created.json().path("initialPassword").asString();
        assertThat(operator.path("email").asString()).isEqualTo(email);
        assertThat(operator.path("roles").get(0).asString()).isEqualTo("REVIEWER");
        assertThat(operator.path("enabled").asBoolean()).isTrue();
        assertThat(password).hasSize(20);
        String hash = jdbc.queryForObject(
                "SELECT password_hash FROM operator_account WHERE operator_id = ?::uuid", String.class, operatorId);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        JsonNode listed = http.get("/api/operators", admin).json();
        assertThat(emails(listed)).contains(email, AccountServiceTest.OPERATOR_EMAIL);

        // the same e-mail again, or a configured operator's: 409, nothing stored
        assertProblem(http.postJson("/api/operators", body, admin), 409);
        assertProblem(
                http.postJson(
                        "/api/operators",
                        HttpTestClient.json(Map.of(
                                "email", AccountServiceTest.OPERATOR_EMAIL, "name", "Twin", "roles", List.of("ADMIN"))),
                        admin),
                409);

        // the new operator logs in: OPERATOR and REVIEWER, named in the token
        HttpTestClient.Response login = journey.login(email.toUpperCase(java.util.Locale.ROOT), password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Jwt jwt = jwtDecoder.decode(login.json().path("accessToken").asString());
        assertThat(jwt.getSubject()).isEqualTo("operator:" + email);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR", "REVIEWER");
        assertThat(jwt.getClaimAsString("operatorId")).isEqualTo(operatorId);
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Rita Reviewer");
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        String ritasToken = login.json().path("accessToken").asString();
        assertThat(http.get("/admin/projections", ritasToken).status()).isEqualTo(200);
        assertProblem(http.postJson("/api/operators", body, ritasToken), 403);

        // she replaces the initial password (the members' rules); her sessions end, the old password stops working
        String newPassword = "Quiet-harbour-2026";
        JsonNode wrong = assertProblem(ownPassword(ritasToken, "not-it", newPassword), 400);
        assertThat(wrong.toString()).contains("currentPassword");
        JsonNode weak = assertProblem(ownPassword(ritasToken, password, "short"), 400);
        assertThat(weak.toString()).contains("newPassword");
        HttpTestClient.Response changed = ownPassword(ritasToken, password, newPassword);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertProblem(journey.refresh(login.json().path("refreshToken").asString()), 401);
        assertProblem(journey.login(email, password), 401);
        login = journey.login(email, newPassword);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        // configured operators keep theirs in the configuration
        assertProblem(ownPassword(TestTokens.operator(), "x", newPassword), 409);

        // new roles apply from the next refresh
        HttpTestClient.Response reRoled = http.patchJson(
                "/api/operators/" + operatorId,
                HttpTestClient.json(Map.of("roles", List.of("BILLING", "REVIEWER"))),
                admin);
        assertThat(reRoled.status()).as(reRoled.body()).isEqualTo(200);
        HttpTestClient.Response refreshed =
                journey.refresh(login.json().path("refreshToken").asString());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(jwtDecoder
                        .decode(refreshed.json().path("accessToken").asString())
                        .getClaimAsStringList("roles"))
                .containsExactly("OPERATOR", "REVIEWER", "BILLING");

        // disabled: no login, no refresh (its tokens are revoked), no further change
        HttpTestClient.Response disabled = http.postJson("/api/operators/" + operatorId + "/disable", "{}", admin);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertProblem(journey.login(email, password), 401);
        assertProblem(journey.refresh(refreshed.json().path("refreshToken").asString()), 401);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM refresh_token WHERE subject = ? AND revoked_at IS NULL",
                        Integer.class,
                        "operator:" + email))
                .isZero();
        assertProblem(http.postJson("/api/operators/" + operatorId + "/disable", "{}", admin), 409);

        // the trail: who did what to the operator, newest first
        JsonNode trail =
                http.get("/admin/audit?subject=" + operatorId, reviewer).json();
        assertThat(actions(trail))
                .containsExactly(
                        "OPERATOR_DISABLED", "OPERATOR_ROLES_CHANGED", "OPERATOR_PASSWORD_CHANGED", "OPERATOR_CREATED");
        assertThat(trail.get(0).path("operatorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(trail.get(1).path("operatorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(trail.get(2).path("operatorEmail").asString()).isEqualTo(email);
        assertThat(trail.get(2).path("operatorName").asString()).isEqualTo("Rita Reviewer");
        assertThat(trail.get(3).path("operatorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(trail.get(1).path("details").path("previousRoles").get(0).asString())
                .isEqualTo("REVIEWER");
        assertThat(trail.get(3).path("details").path("email").asString()).isEqualTo(email);
        assertThat(trail.toString()).doesNotContain(password).doesNotContain(newPassword);
    }

    @Test
    void badRequests_areProblems_andTheConfiguredOperatorsCannotBeChanged() {
        assertField(http.postJson("/api/operators", "{\"name\": \"X\", \"roles\": [\"ADMIN\"]}", admin), "email");
        assertField(
                http.postJson(
                        "/api/operators",
                        "{\"email\": \"not-an-email\", \"name\": \"X\", \"roles\": [\"ADMIN\"]}",
                        admin),
                "email");
        assertField(
                http.postJson("/api/operators", "{\"email\": \"x@cps.local\", \"name\": \"X\", \"roles\": []}", admin),
                "roles");
        assertField(
                http.postJson(
                        "/api/operators",
                        "{\"email\": \"x@cps.local\", \"name\": \"X\", \"roles\": [\"JANITOR\"]}",
                        admin),
                "roles");
        assertThat(emails(http.get("/api/operators", admin).json())).doesNotContain("x@cps.local");

        String configured = null;
        for (JsonNode o : http.get("/api/operators", admin).json()) {
            if (o.path("configured").asBoolean()) {
                configured = o.path("operatorId").asString();
                assertThat(o.path("roles").get(0).asString()).isEqualTo("ADMIN");
            }
        }
        assertThat(configured).isNotNull();
        assertProblem(http.postJson("/api/operators/" + configured + "/disable", "{}", admin), 409);
        assertProblem(http.postJson("/api/operators/" + UUID.randomUUID() + "/disable", "{}", admin), 404);
        assertProblem(http.patchJson("/api/operators/" + UUID.randomUUID(), "{\"roles\": [\"ADMIN\"]}", admin), 404);
    }

    private HttpTestClient.Response ownPassword(String token, String current, String next) {
        return http.postJson(
                "/api/operators/me/password",
                HttpTestClient.json(Map.of("currentPassword", current, "newPassword", next)),
                token);
    }

    private static void assertField(HttpTestClient.Response response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.toString()).contains(field);
    }

    private static List<String> emails(JsonNode operators) {
        List<String> emails = new ArrayList<>();
        operators.forEach(o -> emails.add(o.path("email").asString()));
        return emails;
    }

    private static List<String> actions(JsonNode trail) {
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.path("action").asString()));
        return actions;
    }
}
