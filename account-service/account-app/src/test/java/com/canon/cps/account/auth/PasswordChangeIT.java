package com.canon.cps.account.auth;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * MEMBER {@code POST /api/accounts/me/password} against the full application: the member gives the current password
 * and a new one; every other session ends (the one named in {@code keepRefreshToken} stays), {@code PasswordChanged}
 * is published for the "your password was changed" e-mail; a wrong current or a weak new password changes nothing.
 */
@AccountServiceTest
class PasswordChangeIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final String NEW_PASSWORD = "Battery staple 77";
    private static final String CHANGED = "cps.account.PasswordChanged.v1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void member_changesThePassword_keepsItsOwnSession_andEveryOtherSessionEnds() {
        String email = uniqueEmail("changer");
        String accountId = journey.activeMember(email, PASSWORD);
        JsonNode laptop = journey.signIn(email, PASSWORD);
        JsonNode phone = journey.signIn(email, PASSWORD);
        Instant before = Instant.now();

        HttpTestClient.Response changed = change(
                laptop.path("accessToken").asString(),
                body(PASSWORD, NEW_PASSWORD, laptop.path("refreshToken").asString()));

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertProblem(journey.login(email, PASSWORD), 401);
        assertThat(journey.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertProblem(journey.refresh(phone.path("refreshToken").asString()), 401);
        assertThat(journey.refresh(laptop.path("refreshToken").asString()).status())
                .as("the session that changed the password goes on")
                .isEqualTo(200);
        JsonNode published = awaitPublished(accountId, CHANGED);
        assertThat(published.path("accountId").asString()).isEqualTo(accountId);
        assertThat(published.path("method").asString()).isEqualTo("CHANGE");
        assertThat(Instant.parse(published.path("changedAt").asString())).isAfter(before.minusSeconds(1));
        assertThat(published.toString()).doesNotContain(NEW_PASSWORD).doesNotContain("$2a$");
        String hash = jdbc.queryForObject(
                "SELECT password_hash FROM account_credential WHERE account_id = ?", String.class, accountId);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                        Long.class,
                        "%" + hash.substring(10, 40) + "%"))
                .as("the hash is in no event")
                .isZero();
    }

    @Test
    void withoutAKeptRefreshToken_everySessionEnds() {
        String email = uniqueEmail("changer-all");
        journey.activeMember(email, PASSWORD);
        JsonNode session = journey.signIn(email, PASSWORD);

        assertThat(change(session.path("accessToken").asString(), body(PASSWORD, NEW_PASSWORD, null))
                        .status())
                .isEqualTo(204);

        assertProblem(journey.refresh(session.path("refreshToken").asString()), 401);
    }

    @Test
    void aRefreshTokenOfAnotherAccount_keepsNothing_andRevokesNothingOfTheOther() {
        String email = uniqueEmail("changer-a");
        journey.activeMember(email, PASSWORD);
        String otherEmail = uniqueEmail("changer-b");
        journey.activeMember(otherEmail, PASSWORD);
        JsonNode mine = journey.signIn(email, PASSWORD);
        JsonNode theirs = journey.signIn(otherEmail, PASSWORD);

        assertThat(change(
                                mine.path("accessToken").asString(),
                                body(
                                        PASSWORD,
                                        NEW_PASSWORD,
                                        theirs.path("refreshToken").asString()))
                        .status())
                .isEqualTo(204);

        assertProblem(journey.refresh(mine.path("refreshToken").asString()), 401);
        assertThat(journey.refresh(theirs.path("refreshToken").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void wrongCurrentPassword_isRefusedAtCurrentPassword_andNothingChanges() {
        String email = uniqueEmail("guesser");
        String accountId = journey.activeMember(email, PASSWORD);
        JsonNode session = journey.signIn(email, PASSWORD);

        JsonNode wrong = assertProblem(
                change(session.path("accessToken").asString(), body("Not my password 1", NEW_PASSWORD, null)), 400);

        assertThat(wrong.path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(journey.refresh(session.path("refreshToken").asString()).status())
                .isEqualTo(200);
        assertThat(eventCount(accountId, "PasswordChanged")).isZero();
    }

    /**
     * Guessing the current password with a stolen access token is throttled as a login is: after five wrong ones from
     * a source, even the right one is refused with 429, while the owner still logs in.
     */
    @Test
    void repeatedWrongCurrentPasswords_areThrottled_withoutLockingTheOwnerOut() {
        String email = uniqueEmail("stolen-token");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = journey.signIn(email, PASSWORD).path("accessToken").asString();
        for (int i = 0; i < 5; i++) {
            assertProblem(change(token, body("Guess number " + i + "x", NEW_PASSWORD, null)), 400);
        }

        assertProblem(change(token, body(PASSWORD, NEW_PASSWORD, null)), 429);
        assertThat(eventCount(accountId, "PasswordChanged")).isZero();
        assertThat(journey.login(email, PASSWORD).status())
                .as("the owner logs in as before")
                .isEqualTo(200);
    }

    @Test
    void weakOrUnchangedNewPassword_isRefusedAtNewPassword_andNothingChanges() {
        String email = uniqueEmail("weakling");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = journey.signIn(email, PASSWORD).path("accessToken").asString();

        for (String weak : new String[] {"short1!", "aaaaaaaaaaaaaaaa", "weakling-2026-passphrase", PASSWORD}) {
            JsonNode refused = assertProblem(change(token, body(PASSWORD, weak, null)), 400);
            assertThat(refused.path("errors").get(0).path("field").asString())
                    .as(weak)
                    .isEqualTo("newPassword");
        }

        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(eventCount(accountId, "PasswordChanged")).isZero();
    }

    @Test
    void badRequests_areRefused() {
        String email = uniqueEmail("bad-change");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = journey.signIn(email, PASSWORD).path("accessToken").asString();

        JsonNode missing = assertProblem(http.postJson("/api/accounts/me/password", "{}", token), 400);
        assertThat(missing.path("errors").toString()).contains("currentPassword", "newPassword");
        assertProblem(http.postJson("/api/accounts/me/password", "not json", token), 400);
        assertProblem(
                http.postJson(
                        "/api/accounts/me/password", HttpTestClient.json(body(PASSWORD, NEW_PASSWORD, null)), null),
                401);
        assertProblem(
                http.postJson(
                        "/api/accounts/me/password",
                        HttpTestClient.json(body(PASSWORD, NEW_PASSWORD, null)),
                        TestTokens.operator()),
                403);
        assertThat(eventCount(accountId, "PasswordChanged")).isZero();
    }

    @Test
    void aResetWithALink_isPublishedAsReset() {
        String email = uniqueEmail("reset-published");
        String accountId = journey.activeMember(email, PASSWORD);
        assertThat(journey.requestPasswordReset(email).status()).isEqualTo(202);
        String token = awaitPublished(accountId, "cps.account.PasswordResetIssued.v2")
                .path("token")
                .asString();

        assertThat(journey.setPassword(token, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(awaitPublished(accountId, CHANGED).path("method").asString()).isEqualTo("RESET");
    }

    private HttpTestClient.Response change(String accessToken, Map<String, Object> body) {
        return http.postJson("/api/accounts/me/password", HttpTestClient.json(body), accessToken);
    }

    private static Map<String, Object> body(String current, String next, String keep) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentPassword", current);
        body.put("newPassword", next);
        if (keep != null) {
            body.put("keepRefreshToken", keep);
        }
        return body;
    }

    private long eventCount(String accountId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                accountId,
                "%." + type);
    }
}
