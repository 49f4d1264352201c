package com.canon.cps.account.profile;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.verification.contract.CompanyChangeApproved;
import com.canon.cps.verification.contract.CompanyChangeRejected;
import com.canon.cps.verification.contract.RegistryEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * MY ACCOUNT against the full application: contact name, language and address change at once; a new contact e-mail
 * only with the link sent to it (no token needed, single use, expiring, not to another account's address); a change of
 * company name or VAT ID goes to verification and applies when {@code CompanyChangeApproved} arrives on
 * {@code cps.verification.events}. Bad input is refused with a problem and records nothing.
 */
@AccountServiceTest
class MyAccountIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final Duration PROCESSED = Duration.ofSeconds(30);

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
    void contactNameLanguageAndAddress_changeAtOnce_andArePublished() {
        String email = uniqueEmail("mover");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactName", " Ada Byron ");
        body.put("language", "de");
        body.put("address", address("2 Market Square", "SW1A 2AA", "London", "GB"));

        HttpTestClient.Response accepted = http.patchJson("/api/accounts/me", HttpTestClient.json(body), token);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("changed").toString()).contains("contactName", "language", "address");
        assertThat(accepted.json().path("pendingContactEmail").isNull()).isTrue();
        JsonNode published = awaitPublished(accountId, "cps.account.AccountDetailsChanged.v1");
        assertThat(published.path("contactName").asString()).isEqualTo("Ada Byron");
        assertThat(published.path("language").asString()).isEqualTo("de");
        assertThat(published.path("address").path("line1").asString()).isEqualTo("2 Market Square");
        assertThat(published.path("country").asString()).isEqualTo("GB");
        await().atMost(PROCESSED).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("contactName").asString()).isEqualTo("Ada Byron");
            assertThat(me.path("language").asString()).isEqualTo("de");
            assertThat(me.path("address").path("postalCode").asString()).isEqualTo("SW1A 2AA");
            assertThat(me.path("contactEmail").asString()).isEqualTo(email);
        });

        HttpTestClient.Response same = http.patchJson("/api/accounts/me", HttpTestClient.json(body), token);
        assertThat(same.status()).isEqualTo(202);
        assertThat(same.json().path("changed")).as("nothing new to record").isEmpty();
        assertThat(eventCount(accountId, "AccountDetailsChanged")).isEqualTo(1);
    }

    @Test
    void newContactEmail_takesEffectOnlyWithTheLinkSentToIt_once() {
        String email = uniqueEmail("relocating");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        String newEmail = uniqueEmail("relocated");

        HttpTestClient.Response accepted = http.patchJson(
                "/api/accounts/me", HttpTestClient.json(Map.of("contactEmail", newEmail.toUpperCase())), token);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("pendingContactEmail").asString()).isEqualTo(newEmail);
        JsonNode issued = awaitPublished(accountId, "cps.account.ContactEmailConfirmationIssued.v2");
        assertThat(issued.path("newContactEmail").asString()).isEqualTo(newEmail);
        assertThat(issued.path("language").asString()).isEqualTo("en");
        String link = issued.path("token").asString();
        assertThat(link).matches("[A-Za-z0-9_-]{43}");
        assertThat(eventsContaining(link)).as("the token is in no event").isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM contact_email_link WHERE token_hash = ?", Long.class, link))
                .as("only its hash is stored")
                .isZero();
        await().atMost(PROCESSED)
                .untilAsserted(() -> assertThat(http.get("/api/accounts/me", token)
                                .json()
                                .path("pendingContactEmail")
                                .asString())
                        .isEqualTo(newEmail));
        assertThat(journey.login(email, PASSWORD).status())
                .as("not yet changed")
                .isEqualTo(200);
        assertProblem(journey.login(newEmail, PASSWORD), 401);

        assertThat(confirm(link).status()).isEqualTo(204);

        assertProblem(journey.login(email, PASSWORD), 401);
        JsonNode session = journey.signIn(newEmail, PASSWORD);
        assertThat(journey.refresh(session.path("refreshToken").asString()).status())
                .isEqualTo(200);
        JsonNode changed = awaitPublished(accountId, "cps.account.ContactEmailChanged.v1");
        assertThat(changed.path("contactEmail").asString()).isEqualTo(newEmail);
        assertThat(changed.path("previousContactEmail").asString()).isEqualTo(email);
        await().atMost(PROCESSED).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("contactEmail").asString()).isEqualTo(newEmail);
            assertThat(me.path("pendingContactEmail").isMissingNode()
                            || me.path("pendingContactEmail").isNull())
                    .isTrue();
        });
        JsonNode again = assertProblem(confirm(link), 400);
        assertThat(again.path("errors").get(0).path("message").asString()).isEqualTo("was already used");
        assertProblem(confirm("not-a-token"), 400);
        // the old address is free again: a new application may use it
        Map<String, Object> reapply = journey.applicationBody(email, "en");
        assertThat(http.postJson("/api/accounts", HttpTestClient.json(reapply), null)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anotherAccountsAddress_isRefusedWith409_atRequestAndAtConfirmation_andNothingElseChanges() {
        String email = uniqueEmail("taker");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        String othersEmail = uniqueEmail("owner");
        journey.apply(othersEmail, "en");

        assertProblem(
                http.patchJson(
                        "/api/accounts/me",
                        HttpTestClient.json(Map.of("contactEmail", othersEmail, "contactName", "Someone Else")),
                        token),
                409);
        assertThat(eventCount(accountId, "AccountDetailsChanged")
                        + eventCount(accountId, "ContactEmailChangeRequested"))
                .as("the whole request is refused")
                .isZero();

        // a free address at request time that another account takes before the link is used
        String contested = uniqueEmail("contested");
        assertThat(http.patchJson("/api/accounts/me", HttpTestClient.json(Map.of("contactEmail", contested)), token)
                        .status())
                .isEqualTo(202);
        String link = awaitPublished(accountId, "cps.account.ContactEmailConfirmationIssued.v2")
                .path("token")
                .asString();
        journey.apply(contested, "en");

        assertProblem(confirm(link), 409);
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(eventCount(accountId, "ContactEmailChanged")).isZero();
    }

    @Test
    void anExpiredOrReplacedLink_isRefused() {
        String email = uniqueEmail("late");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        http.patchJson("/api/accounts/me", HttpTestClient.json(Map.of("contactEmail", uniqueEmail("first"))), token);
        String first = awaitPublished(accountId, "cps.account.ContactEmailConfirmationIssued.v2")
                .path("token")
                .asString();
        http.patchJson("/api/accounts/me", HttpTestClient.json(Map.of("contactEmail", uniqueEmail("second"))), token);
        String second = AccountJourney.awaitPublishedToken(
                accountId, "cps.account.ContactEmailConfirmationIssued.v2", t -> !t.equals(first));

        JsonNode replaced = assertProblem(confirm(first), 400);
        assertThat(replaced.path("errors").get(0).path("field").asString()).isEqualTo("token");
        try {
            clock.advance(Duration.ofHours(24));
            JsonNode expired = assertProblem(confirm(second), 400);
            assertThat(expired.path("errors").get(0).path("message").asString()).isEqualTo("has expired");
        } finally {
            clock.reset();
        }
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("empty", (Consumer<Map<String, Object>>) b -> {}, "contactName"),
                Arguments.of(
                        "blank name", (Consumer<Map<String, Object>>) b -> b.put("contactName", "  "), "contactName"),
                Arguments.of(
                        "name too long",
                        (Consumer<Map<String, Object>>) b -> b.put("contactName", "x".repeat(201)),
                        "contactName"),
                Arguments.of("language fr", (Consumer<Map<String, Object>>) b -> b.put("language", "fr"), "language"),
                Arguments.of(
                        "address without city",
                        (Consumer<Map<String, Object>>) b -> {
                            Map<String, Object> a = address("2 Market Square", "SW1A 2AA", "London", "GB");
                            a.remove("city");
                            b.put("address", a);
                        },
                        "address.city"),
                Arguments.of(
                        "address in another country",
                        (Consumer<Map<String, Object>>)
                                b -> b.put("address", address("Hauptstr. 1", "10115", "Berlin", "DE")),
                        "address.country"),
                Arguments.of(
                        "address in an unserved country",
                        (Consumer<Map<String, Object>>)
                                b -> b.put("address", address("1 Main St", "10001", "New York", "US")),
                        "address.country"),
                Arguments.of(
                        "not an e-mail",
                        (Consumer<Map<String, Object>>) b -> b.put("contactEmail", "ada-at-lumen"),
                        "contactEmail"),
                Arguments.of(
                        "company name",
                        (Consumer<Map<String, Object>>) b -> b.put("companyName", "Other Ltd"),
                        "companyName"),
                Arguments.of("VAT ID", (Consumer<Map<String, Object>>) b -> b.put("vatId", "GB980780684"), "vatId"),
                Arguments.of(
                        "name a number",
                        (Consumer<Map<String, Object>>) b -> b.put("contactName", 42),
                        "Malformed request body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void invalidChange_isRefusedWithTheFieldNamed_andNothingRecorded(
            String description, Consumer<Map<String, Object>> change, String field) {
        String email = uniqueEmail("invalid-change");
        String accountId = journey.activeMember(email, PASSWORD);
        long events = eventCount(accountId, "");
        Map<String, Object> body = new LinkedHashMap<>();
        change.accept(body);

        JsonNode problem =
                assertProblem(http.patchJson("/api/accounts/me", HttpTestClient.json(body), accessToken(email)), 400);

        assertThat(problem.toString()).contains(field);
        assertThat(eventCount(accountId, "")).isEqualTo(events);
    }

    @Test
    void withoutAMemberToken_nothingChanges() {
        assertProblem(http.patchJson("/api/accounts/me", "{\"contactName\":\"X\"}", null), 401);
        assertProblem(http.postJson("/api/accounts/me/company-change", "{\"companyName\":\"X\"}", null), 401);
        assertProblem(http.postJson("/api/accounts/me/email-confirmation", "{}", null), 400);
    }

    // ---- company name and VAT ID ------------------------------------------------------------------------------------

    @Test
    void companyChange_goesToVerification_andAppliesWhenApproved() {
        String email = uniqueEmail("renamer");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);

        HttpTestClient.Response accepted = http.postJson(
                "/api/accounts/me/company-change",
                HttpTestClient.json(Map.of("companyName", "Lumen Studio Group Ltd", "vatId", "gb 980 780 684")),
                token);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String changeId = accepted.json().path("changeId").asString();
        assertThat(accepted.json().path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        JsonNode requested = awaitPublished(accountId, "cps.account.CompanyChangeRequested.v1");
        assertThat(requested.path("changeId").asString()).isEqualTo(changeId);
        assertThat(requested.path("companyName").asString()).isEqualTo("Lumen Studio Group Ltd");
        assertThat(requested.path("previousCompanyName").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(requested.path("vatId").asString()).isEqualTo("GB980780684");
        assertThat(requested.path("vatIdChanged").asBoolean()).isFalse();
        assertThat(requested.path("country").asString()).isEqualTo("GB");
        assertProblem(
                http.postJson(
                        "/api/accounts/me/company-change",
                        HttpTestClient.json(Map.of("companyName", "Yet Another Ltd")),
                        token),
                409);
        await().atMost(PROCESSED).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
            assertThat(me.path("pendingCompanyChange").path("changeId").asString())
                    .isEqualTo(changeId);
        });

        AccountJourney.send(
                accountId,
                UUID.randomUUID().toString(),
                CompanyChangeApproved.TYPE,
                new CompanyChangeApproved(
                        accountId,
                        "case-" + changeId,
                        changeId,
                        "Lumen Studio Group Ltd",
                        "GB980780684",
                        "OPERATOR",
                        new RegistryEvidence("HMRC", "GB980780684", null, Instant.now()),
                        Instant.now()));

        JsonNode changed = awaitPublished(accountId, "cps.account.CompanyDetailsChanged.v1");
        assertThat(changed.path("companyName").asString()).isEqualTo("Lumen Studio Group Ltd");
        assertThat(changed.path("changeId").asString()).isEqualTo(changeId);
        await().atMost(PROCESSED).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("companyName").asString()).isEqualTo("Lumen Studio Group Ltd");
            assertThat(me.path("pendingCompanyChange").isMissingNode()
                            || me.path("pendingCompanyChange").isNull())
                    .isTrue();
        });
    }

    @Test
    void companyChange_rejected_leavesTheAccountAsItWas_andIsPublishedForTheEmail() {
        String email = uniqueEmail("refused-renamer");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        String changeId = http.postJson(
                        "/api/accounts/me/company-change",
                        HttpTestClient.json(Map.of("companyName", "Canon Europe Ltd")),
                        token)
                .json()
                .path("changeId")
                .asString();
        awaitPublished(accountId, "cps.account.CompanyChangeRequested.v1");

        AccountJourney.send(
                accountId,
                UUID.randomUUID().toString(),
                CompanyChangeRejected.TYPE,
                new CompanyChangeRejected(accountId, "case-" + changeId, changeId, "Not your company", Instant.now()));

        JsonNode rejected = awaitPublished(accountId, "cps.account.CompanyChangeRejected.v1");
        assertThat(rejected.path("reason").asString()).isEqualTo("Not your company");
        assertThat(rejected.path("companyName").asString()).isEqualTo("Canon Europe Ltd");
        await().atMost(PROCESSED).untilAsserted(() -> {
            JsonNode me = http.get("/api/accounts/me", token).json();
            assertThat(me.path("companyName").asString()).isEqualTo("Lumen Studio Ltd");
            assertThat(me.path("pendingCompanyChange").isMissingNode()
                            || me.path("pendingCompanyChange").isNull())
                    .isTrue();
        });
        assertThat(http.postJson(
                                "/api/accounts/me/company-change",
                                HttpTestClient.json(Map.of("companyName", "Lumen Studio Group Ltd")),
                                token)
                        .status())
                .as("a new change may be asked for")
                .isEqualTo(202);
    }

    @Test
    void invalidCompanyChanges_areRefused_andNothingIsRecorded() {
        String email = uniqueEmail("bad-renamer");
        String accountId = journey.activeMember(email, PASSWORD);
        String token = accessToken(email);
        long events = eventCount(accountId, "");

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("companyName", "  "),
                Map.of("vatId", "GB980780685"),
                Map.of("vatId", "GB123"),
                Map.of("companyName", "Lumen Studio Ltd"),
                Map.of("companyName", "x".repeat(201)))) {
            assertProblem(http.postJson("/api/accounts/me/company-change", HttpTestClient.json(body), token), 400);
        }
        assertThat(eventCount(accountId, "")).isEqualTo(events);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private String accessToken(String email) {
        return journey.signIn(email, PASSWORD).path("accessToken").asString();
    }

    private HttpTestClient.Response confirm(String token) {
        return http.postJson("/api/accounts/me/email-confirmation", HttpTestClient.json(Map.of("token", token)), null);
    }

    private static Map<String, Object> address(String line1, String postalCode, String city, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", line1);
        address.put("postalCode", postalCode);
        address.put("city", city);
        address.put("country", country);
        return address;
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
