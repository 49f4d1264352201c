package com.canon.cps.account.password;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Password setup, member login and {@code /api/accounts/me} against the full application: the link token comes from
 * the published {@code PasswordSetupIssued}, as notification-service receives it.
 */
@AccountServiceTest
class PasswordSetupIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final Duration PROCESSED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JwtDecoder jwtDecoder;

    @Autowired
    TestClock clock;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void verifiedApplicant_setsAPassword_isActivated_logsIn_andReadsItsAccount() {
        String email = uniqueEmail("ada");
        String accountId = journey.apply(email, "en");
        String token = journey.verifyAndGetToken(accountId);

        assertThat(journey.setPassword(token, PASSWORD).status()).isEqualTo(204);

        JsonNode activated = awaitPublished(accountId, "cps.account.AccountActivated.v1");
        assertThat(activated.path("accountId").asString()).isEqualTo(accountId);
        String stored = jdbc.queryForObject(
                "SELECT password_hash FROM account_credential WHERE account_id = ?", String.class, accountId);
        assertThat(stored).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?"
                                + " OR convert_from(payload, 'UTF8') LIKE ?",
                        Long.class,
                        "%" + PASSWORD + "%",
                        "%" + stored.substring(10, 40) + "%"))
                .as("neither the password nor its hash is in any event")
                .isZero();

        HttpTestClient.Response login = journey.login(email.toUpperCase(Locale.ROOT), PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        String accessToken = login.json().path("accessToken").asString();
        Jwt jwt = jwtDecoder.decode(accessToken);
        assertThat(jwt.getSubject()).isEqualTo(accountId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");

        JsonNode me = awaitMe(accessToken, "ACTIVE");
        assertThat(me.path("accountId").asString()).isEqualTo(accountId);
        assertThat(me.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(me.path("address").path("line1").asString()).isEqualTo("1 High St");
        assertThat(me.path("address").path("postalCode").asString()).isEqualTo("SW1A 1AA");
        assertThat(me.path("address").path("city").asString()).isEqualTo("London");
        assertThat(me.path("address").path("country").asString()).isEqualTo("GB");
        assertThat(me.path("contactName").asString()).isEqualTo("Ada Lumen");
        assertThat(me.path("contactEmail").asString()).isEqualTo(email);
        assertThat(me.path("language").asString()).isEqualTo("en");
        assertThat(me.path("vatLiable").asBoolean()).isTrue();
        assertThat(me.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(me.path("legacyCpsEmailProvided").asBoolean()).isTrue();
        assertThat(me.has("legacyCpsEmail")).isFalse();
        assertThat(me.has("_version")).isFalse();
        await().atMost(PROCESSED).until(() -> "ACTIVE".equals(applicationStatus(accountId)));

        assertProblem(journey.login(email, PASSWORD + "x"), 401);
    }

    @Test
    void setupLink_isSingleUse() {
        String email = uniqueEmail("once");
        String token = journey.verifyAndGetToken(journey.apply(email, "en"));
        assertThat(journey.setPassword(token, PASSWORD).status()).isEqualTo(204);

        JsonNode problem = assertProblem(journey.setPassword(token, "Another good one 7"), 400);

        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("token");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("was already used");
        assertThat(journey.login(email, PASSWORD).status())
                .as("the first password stays")
                .isEqualTo(200);
        assertProblem(journey.login(email, "Another good one 7"), 401);
    }

    @Test
    void operatorReissuesALink_theOldOneStopsWorking_theNewOneSetsThePassword() {
        String email = uniqueEmail("reissue");
        String accountId = journey.apply(email, "en");
        String first = journey.verifyAndGetToken(accountId);

        // any operator may re-issue (ADR 19), here one without REVIEWER, BILLING or ADMIN
        String desk = TestTokens.operator("desk@cps.local");
        HttpTestClient.Response reissued = http.postJson("/api/accounts/" + accountId + "/password-setup", "{}", desk);
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(202);
        String second = AccountJourney.awaitPublishedToken(accountId, token -> !token.equals(first));
        JsonNode trail = http.get("/admin/audit?subject=" + accountId, desk).json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("action").asString()).isEqualTo("PASSWORD_SETUP_REISSUED");
        assertThat(trail.get(0).path("operatorEmail").asString()).isEqualTo("desk@cps.local");
        assertThat(trail.get(0).path("accountId").asString()).isEqualTo(accountId);
        assertThat(trail.get(0).path("service").asString()).isEqualTo("account");

        assertProblem(journey.setPassword(first, PASSWORD), 400);
        assertThat(journey.setPassword(second, PASSWORD).status()).isEqualTo(204);
        assertProblem(
                http.postJson("/api/accounts/" + accountId + "/password-setup", "{}", TestTokens.operator()), 409);
        assertProblem(
                http.postJson("/api/accounts/" + accountId + "/password-setup", "{}", TestTokens.member(accountId)),
                403);
        assertProblem(http.postJson("/api/accounts/not-an-id/password-setup", "{}", TestTokens.operator()), 404);
        assertThat(http.get("/admin/audit?subject=" + accountId, desk).json())
                .as("refusals record nothing")
                .hasSize(1);
    }

    @Test
    void concurrentUsesOfOneLink_exactlyOneSucceeds() {
        String accountId = journey.apply(uniqueEmail("race"), "en");
        String token = journey.verifyAndGetToken(accountId);

        List<Integer> statuses = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> journey.setPassword(token, PASSWORD + i).status()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(statuses).containsOnly(204, 400).filteredOn(s -> s == 204).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                                + " AND payloadtype LIKE '%AccountActivated'",
                        Long.class, accountId))
                .isEqualTo(1);
    }

    @Test
    void expiredSetupLink_isRefused() {
        String email = uniqueEmail("late");
        String token = journey.verifyAndGetToken(journey.apply(email, "en"));

        try {
            clock.advance(Duration.ofHours(72).plusSeconds(1));
            JsonNode problem = assertProblem(journey.setPassword(token, PASSWORD), 400);
            assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("has expired");
        } finally {
            clock.reset();
        }
        assertProblem(journey.login(email, PASSWORD), 401);
        assertThat(journey.setPassword(token, PASSWORD).status())
                .as("nothing was used up by the refused attempt: back before the expiry the link works")
                .isEqualTo(204);
    }

    @Test
    void weakPasswords_areRefusedWithTheReasons_andTheLinkStaysUsable() {
        String email = uniqueEmail("weak");
        String token = journey.verifyAndGetToken(journey.apply(email, "de"));
        String localPart = email.substring(0, email.indexOf('@'));

        for (String weak : List.of("short1!", "onlylettersandmore", "123456789012345", localPart + "-2026")) {
            JsonNode problem = assertProblem(journey.setPassword(token, weak), 400);
            assertThat(problem.path("errors")).isNotEmpty();
            problem.path("errors")
                    .forEach(e -> assertThat(e.path("field").asString()).isEqualTo("password"));
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_credential WHERE account_id IN"
                                + " (SELECT account_id FROM account_email WHERE email = ?)",
                        Long.class,
                        email))
                .isZero();

        assertThat(journey.setPassword(token, PASSWORD).status()).isEqualTo(204);
    }

    @Test
    void unknownOrMissingToken_isRefused() {
        JsonNode unknown = assertProblem(journey.setPassword("not-a-token-" + UUID.randomUUID(), PASSWORD), 400);
        assertThat(unknown.path("errors").get(0).path("message").asString()).isEqualTo("is unknown");

        assertProblem(
                http.postJson("/api/accounts/password", HttpTestClient.json(Map.of("password", PASSWORD)), null), 400);
        assertProblem(
                http.postJson(
                        "/api/accounts/password", HttpTestClient.json(Map.of("token", "x", "password", "")), null),
                400);
    }

    @Test
    void pendingOrRejectedApplicant_hasNoLink_andCannotLogIn() {
        String pendingEmail = uniqueEmail("pending");
        String pending = journey.apply(pendingEmail, "en");
        String rejectedEmail = uniqueEmail("rejected");
        String rejected = journey.apply(rejectedEmail, "en");
        journey.reject(rejected, "Not a business");
        awaitPublished(rejected, "cps.account.AccountRejected.v1");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM password_setup_link WHERE account_id IN (?, ?)",
                        Long.class,
                        pending,
                        rejected))
                .isZero();
        assertProblem(journey.login(pendingEmail, PASSWORD), 401);
        JsonNode refused = assertProblem(journey.login(rejectedEmail, PASSWORD), 401);
        assertThat(refused.path("detail").asString()).isEqualTo("Wrong e-mail or password");
    }

    @Test
    void eachMember_readsOnlyItsOwnAccount() {
        String emailA = uniqueEmail("first");
        String accountA = journey.apply(emailA, "en");
        assertThat(journey.setPassword(journey.verifyAndGetToken(accountA), PASSWORD)
                        .status())
                .isEqualTo(204);
        String emailB = uniqueEmail("second");
        String accountB = journey.apply(emailB, "de");
        assertThat(journey.setPassword(journey.verifyAndGetToken(accountB), PASSWORD)
                        .status())
                .isEqualTo(204);
        String tokenA =
                journey.login(emailA, PASSWORD).json().path("accessToken").asString();
        String tokenB =
                journey.login(emailB, PASSWORD).json().path("accessToken").asString();

        JsonNode meA = awaitMe(tokenA, "ACTIVE");
        JsonNode meB = awaitMe(tokenB, "ACTIVE");

        assertThat(meA.path("accountId").asString()).isEqualTo(accountA);
        assertThat(meA.path("contactEmail").asString()).isEqualTo(emailA);
        assertThat(meB.path("accountId").asString()).isEqualTo(accountB);
        assertThat(meB.path("contactEmail").asString()).isEqualTo(emailB);
        assertThat(meB.path("language").asString()).isEqualTo("de");
        assertThat(meB.toString()).doesNotContain(accountA).doesNotContain(emailA);

        assertProblem(http.get("/api/accounts/me", null), 401);
        assertProblem(http.get("/api/accounts/me", TestTokens.expiredMember(accountA)), 401);
        assertProblem(http.get("/api/accounts/me", TestTokens.signedByOtherKey(accountA)), 401);
        assertProblem(http.get("/api/accounts/me", TestTokens.operator()), 403);
        assertProblem(
                http.get("/api/accounts/me", TestTokens.member(UUID.randomUUID().toString())), 404);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    @Test
    void repeatedWrongPasswords_areSlowedDown_perEmailAndSource_andPerSource() throws Exception {
        String email = uniqueEmail("guessed");
        String accountId = journey.apply(email, "en");
        assertThat(journey.setPassword(journey.verifyAndGetToken(accountId), PASSWORD)
                        .status())
                .isEqualTo(204);
        String attacker = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong " + i, attacker).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(email, PASSWORD, attacker);
        assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 31L);
        assertThat(login(email, PASSWORD, "198.51.100.77").statusCode())
                .as("the owner, from elsewhere, is not locked out by someone else's guesses")
                .isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        assertThat(login(email, PASSWORD, attacker).statusCode())
                .as("the lockout runs on the wall clock: moving the business clock does not lift it")
                .isEqualTo(429);
        expireLockouts(attacker);
        assertThat(login(email, PASSWORD, attacker).statusCode()).isEqualTo(200);
        assertThat(login(email, "wrong again", attacker).statusCode())
                .as("a success cleared the pair's count")
                .isEqualTo(401);

        // one source trying many accounts is locked out after 20 failures, other sources are not
        String sprayer = "192.0.2." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 20; i++) {
            assertThat(login(uniqueEmail("spray"), "Password1!", sprayer).statusCode())
                    .isEqualTo(401);
        }
        assertThat(login(email, PASSWORD, sprayer).statusCode()).isEqualTo(429);
        assertThat(login(email, PASSWORD, "198.51.100.78").statusCode()).isEqualTo(200);
    }

    /** As if the lockouts involving {@code source} had run out on the wall clock. */
    private void expireLockouts(String source) {
        jdbc.update(
                "UPDATE login_throttle SET locked_until = now() - interval '1 second'"
                        + " WHERE throttle_key LIKE ? OR throttle_key = ?",
                "pair:" + source + "|%",
                "source:" + source);
    }

    /** A login as if it came through the entry point from {@code source} (it sets X-Forwarded-For). */
    private HttpResponse<String> login(String email, String password, String source) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", source)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        HttpTestClient.json(Map.of("email", email, "password", password))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitMe(String accessToken, String status) {
        return await().atMost(PROCESSED)
                .until(
                        () -> http.get("/api/accounts/me", accessToken),
                        r -> r.status() == 200
                                && status.equals(r.json().path("status").asString()))
                .json();
    }

    private String applicationStatus(String accountId) {
        HttpTestClient.Response response = http.get("/api/accounts/applications/" + accountId, null);
        return response.status() == 200 ? response.json().path("status").asString() : null;
    }
}
