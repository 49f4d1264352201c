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
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Forgotten passwords against the full application: {@code POST /api/auth/password-reset} answers 202 for any address;
 * only an active account gets a link (the published {@code PasswordResetIssued}, as notification-service receives it),
 * at most one per 5 minutes; redeeming it at {@code POST /api/accounts/password} replaces the password once, before
 * it expires (1 h), and ends every session of the account.
 */
@AccountServiceTest
class PasswordResetIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final String NEW_PASSWORD = "Battery staple 77";
    private static final String RESET_ISSUED = "cps.account.PasswordResetIssued.v2";
    private static final Duration PROCESSED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void activeMember_getsAResetLink_setsANewPassword_onceOnly_andEverySessionEnds() {
        String email = uniqueEmail("forgetful");
        String accountId = journey.activeMember(email, PASSWORD);
        String laptop = refreshTokenOf(journey.login(email, PASSWORD));
        String phone = refreshTokenOf(journey.login(email, PASSWORD));
        Instant requested = clock.instant();

        HttpTestClient.Response accepted = journey.requestPasswordReset(email.toUpperCase(Locale.ROOT));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode issued = awaitPublished(accountId, RESET_ISSUED);
        assertThat(issued.path("accountId").asString()).isEqualTo(accountId);
        assertThat(issued.path("contactEmail").asString()).isEqualTo(email);
        assertThat(issued.path("language").asString()).isEqualTo("en");
        String token = issued.path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(issued.path("expiresAt").asString()))
                .isBetween(requested.plus(Duration.ofMinutes(59)), requested.plus(Duration.ofMinutes(61)));
        assertThat(eventsContaining(token)).as("the token is in no event").isZero();

        assertThat(journey.setPassword(token, NEW_PASSWORD).status()).isEqualTo(204);

        assertProblem(journey.login(email, PASSWORD), 401);
        assertThat(journey.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertProblem(journey.refresh(laptop), 401);
        assertProblem(journey.refresh(phone), 401);
        JsonNode again = assertProblem(journey.setPassword(token, "Yet another one 55"), 400);
        assertThat(again.path("errors").get(0).path("message").asString()).isEqualTo("was already used");
        assertThat(journey.login(email, NEW_PASSWORD).status()).isEqualTo(200);
        String hash = jdbc.queryForObject(
                "SELECT password_hash FROM account_credential WHERE account_id = ?", String.class, accountId);
        assertThat(eventsContaining(NEW_PASSWORD) + eventsContaining(hash.substring(10, 40)))
                .as("neither the new password nor its hash is in any event")
                .isZero();
        assertThat(eventCount(accountId, "PasswordChanged")).isEqualTo(1);
        assertThat(http.get("/api/accounts/applications/" + accountId, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void unknownAndNotYetActiveAddresses_get202Too_butNoLink() {
        double unknownBefore = outcomes("unknown-email");
        double notActiveBefore = outcomes("not-active");
        String pendingEmail = uniqueEmail("pending");
        String pending = journey.apply(pendingEmail, "en");
        String verifiedEmail = uniqueEmail("verified");
        String verified = journey.apply(verifiedEmail, "en");
        journey.verifyAndGetToken(verified);
        String rejectedEmail = uniqueEmail("rejected");
        String rejected = journey.apply(rejectedEmail, "en");
        journey.reject(rejected, "Not a business");
        awaitPublished(rejected, "cps.account.AccountRejected.v1");

        for (String email : new String[] {uniqueEmail("nobody"), pendingEmail, verifiedEmail, rejectedEmail}) {
            HttpTestClient.Response accepted = journey.requestPasswordReset(email);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.body()).isEmpty();
        }

        // a rejected application released its address: it is as unknown as an address that never applied
        await().atMost(PROCESSED).until(() -> outcomes("unknown-email") >= unknownBefore + 2);
        await().atMost(PROCESSED).until(() -> outcomes("not-active") >= notActiveBefore + 2);
        for (String accountId : new String[] {pending, verified, rejected}) {
            assertThat(eventCount(accountId, "PasswordResetIssued"))
                    .as(accountId)
                    .isZero();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM password_setup_link WHERE purpose = 'RESET' AND account_id IN (?, ?, ?)",
                        Long.class,
                        pending,
                        verified,
                        rejected))
                .isZero();
    }

    @Test
    void malformedRequests_areRefused() {
        assertProblem(http.postJson("/api/auth/password-reset", "{}", null), 400);
        JsonNode notAnEmail = assertProblem(journey.requestPasswordReset("not-an-email"), 400);
        assertThat(notAnEmail.path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void aSecondRequestWithinFiveMinutes_changesNothing_afterwardsANewLinkReplacesTheOld() {
        String email = uniqueEmail("impatient");
        String accountId = journey.activeMember(email, PASSWORD);
        double throttledBefore = outcomes("throttled");

        assertThat(journey.requestPasswordReset(email).status()).isEqualTo(202);
        String first = awaitPublished(accountId, RESET_ISSUED).path("token").asString();
        assertThat(journey.requestPasswordReset(email).status()).isEqualTo(202);
        await().atMost(PROCESSED).until(() -> outcomes("throttled") >= throttledBefore + 1);
        assertThat(eventCount(accountId, "PasswordResetIssued")).isEqualTo(1);

        String second;
        try {
            clock.advance(Duration.ofMinutes(5));
            assertThat(journey.requestPasswordReset(email).status()).isEqualTo(202);
            second = AccountJourney.awaitPublishedToken(accountId, RESET_ISSUED, token -> !token.equals(first));
        } finally {
            clock.reset();
        }

        JsonNode replaced = assertProblem(journey.setPassword(first, NEW_PASSWORD), 400);
        assertThat(replaced.path("errors").get(0).path("field").asString()).isEqualTo("token");
        assertThat(journey.setPassword(second, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(journey.login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void expiredResetLink_isRefused_andThePasswordStays() {
        String email = uniqueEmail("slow");
        String accountId = journey.activeMember(email, PASSWORD);
        journey.requestPasswordReset(email);
        String token = awaitPublished(accountId, RESET_ISSUED).path("token").asString();

        try {
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            JsonNode expired = assertProblem(journey.setPassword(token, NEW_PASSWORD), 400);
            assertThat(expired.path("errors").get(0).path("message").asString()).isEqualTo("has expired");
        } finally {
            clock.reset();
        }
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void weakNewPassword_isRefused_andTheLinkStaysUsable() {
        String email = uniqueEmail("weak-reset");
        String accountId = journey.activeMember(email, PASSWORD);
        journey.requestPasswordReset(email);
        String token = awaitPublished(accountId, RESET_ISSUED).path("token").asString();

        JsonNode weak = assertProblem(journey.setPassword(token, "short1!"), 400);

        assertThat(weak.path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(journey.setPassword(token, NEW_PASSWORD).status()).isEqualTo(204);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String refreshTokenOf(HttpTestClient.Response login) {
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("refreshToken").asString();
    }

    private double outcomes(String outcome) {
        return meters.counter("cps.account.password-resets", "outcome", outcome).count();
    }

    private long eventCount(String accountId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                accountId,
                "%." + type);
    }

    private long eventsContaining(String text) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Long.class,
                "%" + text + "%");
    }
}
