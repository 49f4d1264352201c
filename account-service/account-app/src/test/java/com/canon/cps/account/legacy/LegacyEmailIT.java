package com.canon.cps.account.legacy;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The old CPS e-mail, proven, against the full application: the first code goes to the address given when applying as
 * soon as the account is activated ({@code LegacyEmailCodeIssued}, as notification-service receives it); a wrong code
 * costs one of five tries, then a new code must be asked for; the right one publishes {@code LegacyEmailConfirmed}
 * (what product-service waits for). A member may give the address later, or correct it until it is confirmed. The
 * code is in no event and no table.
 */
@AccountServiceTest
class LegacyEmailIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final String CODE_ISSUED = "cps.account.LegacyEmailCodeIssued.v2";
    private static final String CONFIRMED = "cps.account.LegacyEmailConfirmed.v1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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
    void theCodeSentAtActivation_provesTheOldEmail_once() {
        String email = uniqueEmail("legacy");
        Instant before = Instant.now();
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);

        JsonNode issued = awaitPublished(accountId, CODE_ISSUED);
        assertThat(issued.path("legacyCpsEmail").asString()).isEqualTo("old." + email);
        assertThat(issued.path("language").asString()).isEqualTo("en");
        String code = issued.path("code").asString();
        assertThat(code).matches("[0-9]{6}");
        assertThat(Instant.parse(issued.path("expiresAt").asString()))
                .isAfter(before.plus(Duration.ofHours(23)))
                .isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(eventsContaining("\"" + code + "\""))
                .as("the code is in no event")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT code_hash FROM legacy_email_code WHERE account_id = ?", String.class, accountId))
                .matches("[0-9a-f]{64}")
                .doesNotContain(code);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                me(token).path("legacyCpsEmailConfirmed").asBoolean())
                        .isFalse());

        assertThat(confirm(token, code.substring(0, 3) + " " + code.substring(3))
                        .status())
                .isEqualTo(204);

        JsonNode confirmed = awaitPublished(accountId, CONFIRMED);
        assertThat(confirmed.path("legacyCpsEmail").asString()).isEqualTo("old." + email);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                me(token).path("legacyCpsEmailConfirmed").asBoolean())
                        .isTrue());
        assertProblem(confirm(token, code), 409);
        assertProblem(newCode(token), 409);
        assertProblem(give(token, "another.old@lumen.example"), 409);
    }

    @Test
    void fiveWrongTries_useTheCodeUp_andANewCodeMustBeAskedFor() {
        String email = uniqueEmail("legacy-guesser");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        String code = awaitPublished(accountId, CODE_ISSUED).path("code").asString();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int tries = 4; tries >= 0; tries--) {
            JsonNode refused = assertProblem(confirm(token, wrong), 400);
            assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("code");
            assertThat(refused.path("errors").get(0).path("message").asString())
                    .contains(tries > 0 ? tries + (tries == 1 ? " try" : " tries") + " left" : "last try");
        }
        JsonNode exhausted = assertProblem(confirm(token, code), 400);
        assertThat(exhausted.path("errors").get(0).path("message").asString()).contains("request a new code");
        assertProblem(newCode(token), 429); // a new code at most once a minute

        String next;
        try {
            clock.advance(Duration.ofMinutes(1));
            assertThat(newCode(token).status()).isEqualTo(202);
            next = AccountJourney.awaitPublished(
                            accountId,
                            CODE_ISSUED,
                            c -> !c.path("code").asString().equals(code))
                    .path("code")
                    .asString();
            assertThat(confirm(token, next).status()).isEqualTo(204);
        } finally {
            clock.reset();
        }
        awaitPublished(accountId, CONFIRMED);
    }

    @Test
    void anExpiredCode_isRefused() {
        String email = uniqueEmail("legacy-late");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        String code = awaitPublished(accountId, CODE_ISSUED).path("code").asString();
        try {
            clock.advance(Duration.ofHours(24));
            JsonNode expired = assertProblem(confirm(token, code), 400);
            assertThat(expired.path("errors").get(0).path("message").asString()).contains("expired");
        } finally {
            clock.reset();
        }
        assertThat(eventCount(accountId, "LegacyEmailConfirmed")).isZero();
    }

    @Test
    void aMemberWithoutOldEmail_givesOneLater_andCanCorrectItUntilConfirmed() {
        String email = uniqueEmail("legacy-later");
        Map<String, Object> application = journey.applicationBody(email, "de");
        application.remove("legacyCpsEmail");
        String accountId = http.postJson("/api/accounts", HttpTestClient.json(application), null)
                .json()
                .path("accountId")
                .asString();
        assertThat(journey.setPassword(journey.verifyAndGetToken(accountId), PASSWORD)
                        .status())
                .isEqualTo(204);
        String token = accessToken(email);
        assertProblem(newCode(token), 409); // no old e-mail yet
        assertProblem(confirm(token, "123456"), 400);

        assertThat(give(token, "Typo.Old@Lumen.example").status()).isEqualTo(202);
        JsonNode first = awaitPublished(accountId, CODE_ISSUED);
        assertThat(first.path("legacyCpsEmail").asString()).isEqualTo("typo.old@lumen.example");
        assertThat(first.path("language").asString()).isEqualTo("de");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode me = me(token);
            assertThat(me.path("legacyCpsEmailProvided").asBoolean()).isTrue();
            assertThat(me.path("legacyCpsEmailConfirmed").asBoolean()).isFalse();
        });
        try {
            clock.advance(Duration.ofMinutes(1));
            assertThat(give(token, "right.old@lumen.example").status()).isEqualTo(202);
            JsonNode second = AccountJourney.awaitPublished(
                    accountId,
                    CODE_ISSUED,
                    c -> c.path("legacyCpsEmail").asString().startsWith("right"));
            assertProblem(confirm(token, first.path("code").asString()), 400);
            assertThat(confirm(token, second.path("code").asString()).status()).isEqualTo(204);
        } finally {
            clock.reset();
        }
        assertThat(awaitPublished(accountId, CONFIRMED).path("legacyCpsEmail").asString())
                .isEqualTo("right.old@lumen.example");
    }

    @Test
    void badInput_isRefused_andNothingIsRecorded() {
        String email = uniqueEmail("legacy-bad");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        awaitPublished(accountId, CODE_ISSUED);
        long events = eventCount(accountId, "");

        assertProblem(give(token, "not an e-mail"), 400);
        assertProblem(http.postJson("/api/accounts/me/legacy-email", "{}", token), 400);
        for (String code : new String[] {"12345", "1234567", "abcdef", ""}) {
            assertProblem(confirm(token, code), 400);
        }
        assertProblem(http.postJson("/api/accounts/me/legacy-email/confirmation", "{}", token), 400);
        assertProblem(http.postJson("/api/accounts/me/legacy-email/code", "", null), 401);
        assertThat(eventCount(accountId, "")).isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM legacy_email_code WHERE account_id = ?", Integer.class, accountId))
                .as("a malformed code costs no try")
                .isZero();
    }

    private String accessToken(String email) {
        return journey.signIn(email, PASSWORD).path("accessToken").asString();
    }

    private JsonNode me(String token) {
        return http.get("/api/accounts/me", token).json();
    }

    private HttpTestClient.Response confirm(String token, String code) {
        return http.postJson(
                "/api/accounts/me/legacy-email/confirmation", HttpTestClient.json(Map.of("code", code)), token);
    }

    private HttpTestClient.Response newCode(String token) {
        return http.postJson("/api/accounts/me/legacy-email/code", "", token);
    }

    private HttpTestClient.Response give(String token, String legacyEmail) {
        return http.postJson(
                "/api/accounts/me/legacy-email", HttpTestClient.json(Map.of("legacyCpsEmail", legacyEmail)), token);
    }

    private long eventCount(String accountId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                accountId,
                "%." + type + "%");
    }

    private long eventsContaining(String text) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Long.class,
                "%" + text + "%");
    }
}
