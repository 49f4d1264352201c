package com.canon.cps.account.erasure;

import static com.canon.cps.account.AccountJourney.awaitPublished;
import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Erasure (GDPR Art. 17) by crypto-shredding, end to end: an active member with changed details is erased; its
 * personal data is in no event row in clear (before or after), in no read model (also after a full rebuild of every
 * projection), not in the published {@code AccountErased}; the account still loads and refuses commands as ERASED, the
 * member cannot log in, and the e-mail is free again. A wrong password changes nothing.
 */
@AccountServiceTest
class AccountErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Correct-Horse-9-Battery";
    private static final String ERASED_TYPE = "cps.account.AccountErased.v1";
    private static final List<String> PROJECTIONS = List.of("account-applications", "member-accounts", "member-search");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataErasure erasure;

    private final String source = "203.0.113." + (1 + new java.util.Random().nextInt(250));
    private HttpTestClient http;
    private AccountJourney journey;
    private final String admin = TestTokens.operator("ada.admin@cps.local", "ADMIN");

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    @Test
    void memberErasesItsAccount_nothingPersonalRemainsInClear_andTheAccountIsClosedForGood() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = uniqueEmail("erase-" + tag);
        String newEmail = uniqueEmail("erase-new-" + tag);
        String company = "Quillbeck " + tag + " Optics Ltd";
        String contact = "Ada Quill" + tag;
        String laterContact = "Grace Quill" + tag;
        String street = tag + " Wharf Road";
        String city = "Quillton" + tag;
        Map<String, Object> body = journey.applicationBody(email, "en");
        body.put("companyName", company);
        body.put("contactName", contact);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = new LinkedHashMap<>((Map<String, Object>) body.get("address"));
        address.put("line1", street);
        address.put("city", city);
        body.put("address", address);
        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(body), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String accountId = created.json().path("accountId").asString();
        HttpTestClient.Response set = journey.setPassword(journey.verifyAndGetToken(accountId), PASSWORD);
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        String member = TestTokens.member(accountId);
        HttpTestClient.Response changed = http.patchJson(
                "/api/accounts/me",
                HttpTestClient.json(Map.of("contactName", laterContact, "contactEmail", newEmail)),
                member);
        assertThat(changed.status()).as(changed.body()).isEqualTo(202);
        JsonNode session = journey.signIn(email, PASSWORD);
        List<String> personal =
                List.of(email, "old." + email, newEmail, company, contact, laterContact, street, city, "GB980780684");

        // stored encrypted from the start: no event row of the account holds a personal value in clear
        assertThat(eventPayloads(accountId)).hasSizeGreaterThanOrEqualTo(6);
        assertNoneIn(eventPayloads(accountId), personal, "event rows before the erasure");
        await().atMost(WAIT).until(() -> readModels(accountId).toString().contains(laterContact));

        // a wrong password when one is given (or an operator's token, or a member's at the operators' endpoint)
        // changes nothing
        JsonNode wrong = assertProblem(
                postFrom(
                        "/api/accounts/me/erasure",
                        HttpTestClient.json(Map.of("currentPassword", "Not-The-Password-42")),
                        member),
                400);
        assertThat(wrong.path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertProblem(
                http.postJson(
                        "/api/accounts/me/erasure", HttpTestClient.json(Map.of("currentPassword", PASSWORD)), admin),
                403);
        assertProblem(
                http.postJson(
                        "/api/accounts/" + accountId + "/erasure",
                        HttpTestClient.json(Map.of("reason", "asked by phone")),
                        member),
                403);
        assertProblem(
                http.postJson(
                        "/api/accounts/" + accountId + "/erasure",
                        HttpTestClient.json(Map.of("reason", "asked by phone")),
                        TestTokens.operator("rita.reviewer@cps.local", "REVIEWER")),
                403);
        assertThat(eventCount(accountId, "AccountErased")).isZero();
        assertThat(journey.login(email, PASSWORD).status()).isEqualTo(200);

        HttpTestClient.Response erased = http.postJson(
                "/api/accounts/me/erasure",
                HttpTestClient.json(Map.of("currentPassword", PASSWORD, "reason", "closing " + company)),
                member);
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("accountId").asString()).isEqualTo(accountId);
        assertThat(erased.json().path("status").asString()).isEqualTo("ERASED");

        // at once: no login, no session, nothing stored beside the events, and the address is free
        assertThat(postFrom("/api/auth/login", HttpTestClient.json(Map.of("email", email, "password", PASSWORD)), null)
                        .status())
                .isEqualTo(401);
        assertThat(journey.refresh(session.path("refreshToken").asString()).status())
                .isEqualTo(401);
        for (String table : List.of(
                "account_email",
                "account_credential",
                "password_setup_link",
                "contact_email_link",
                "legacy_email_code")) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM " + table + " WHERE account_id = ?", Long.class, accountId))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE subject = ?", Long.class, accountId))
                .isZero();

        // the keys are destroyed by the account-erasure processor
        await().atMost(WAIT).until(() -> erasure.isErased(accountId));
        assertNoneIn(eventPayloads(accountId), personal, "event rows after the erasure");
        assertThat(eventCount(accountId, "AccountErased")).isEqualTo(1);

        // the account still loads from its erased events and refuses every command as erased
        JsonNode again = assertProblem(
                http.postJson(
                        "/api/accounts/" + accountId + "/erasure",
                        HttpTestClient.json(Map.of("reason", "again")),
                        admin),
                409);
        assertThat(again.path("detail").asString()).contains("erased");
        assertProblem(
                http.patchJson("/api/accounts/me", HttpTestClient.json(Map.of("contactName", "Eve")), member), 409);
        assertProblem(http.get("/api/accounts/me", member), 404);

        // the read models keep the id and the status only
        await().atMost(WAIT)
                .until(() -> readModels(accountId).stream()
                        .allMatch(
                                d -> PersonalData.ERASED.equals(d.get("status")) || "ERASED".equals(d.get("status"))));
        assertThat(readModels(accountId)).hasSizeGreaterThanOrEqualTo(3);
        assertNoneIn(readModels(accountId).stream().map(Document::toJson).toList(), personal, "read models");
        assertThat(http.get("/api/accounts/applications/" + accountId, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ERASED");

        // downstream is told, with nothing personal
        JsonNode published = awaitPublished(accountId, ERASED_TYPE);
        List<String> fields = new ArrayList<>();
        published.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("accountId", "erasedAt");
        assertNoneIn(List.of(published.toString()), personal, "AccountErased on Kafka");

        // the e-mail address may apply again, as a new account
        String anew = journey.apply(email, "en");
        assertThat(anew).isNotEqualTo(accountId);

        // a full rebuild of every projection from the (erased) events brings back nothing personal
        for (String projection : PROJECTIONS) {
            rebuild(projection);
        }
        assertThat(readModels(accountId)).hasSizeGreaterThanOrEqualTo(3);
        assertNoneIn(
                readModels(accountId).stream().map(Document::toJson).toList(), personal, "read models after rebuild");
        assertNoneIn(
                readModels(accountId).stream().map(Document::toJson).toList(),
                List.of(PersonalData.ERASED),
                "read models after rebuild");
        assertThat(readModels(accountId)).allMatch(d -> "ERASED".equals(d.get("status")));
    }

    /** docs/api.md asks only for the member's token: without a body (no password given) the erasure is accepted too. */
    @Test
    void aMemberErasesWithItsTokenAlone_asApiMdDescribesIt() {
        String email = uniqueEmail("erase-token");
        String accountId = journey.apply(email, "en");
        HttpTestClient.Response set = journey.setPassword(journey.verifyAndGetToken(accountId), PASSWORD);
        assertThat(set.status()).as(set.body()).isEqualTo(204);

        HttpTestClient.Response erased =
                http.post("/api/accounts/me/erasure", "application/json", "", TestTokens.member(accountId));

        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertThat(erased.json().path("status").asString()).isEqualTo("ERASED");
        await().atMost(WAIT).until(() -> erasure.isErased(accountId));
    }

    @Test
    void anAdminErasesAnApplication_audited_andOnlyOnce_andLateVerificationNewsIsIgnored() {
        String email = uniqueEmail("erase-admin");
        String accountId = journey.apply(email, "en");

        assertProblem(
                http.postJson(
                        "/api/accounts/" + UUID.randomUUID() + "/erasure",
                        HttpTestClient.json(Map.of("reason", "request by letter")),
                        admin),
                404);
        assertProblem(http.postJson("/api/accounts/not-an-id/erasure", "{\"reason\": \"x\"}", admin), 404);
        JsonNode blank = assertProblem(
                http.postJson("/api/accounts/" + accountId + "/erasure", "{\"reason\": \" \"}", admin), 400);
        assertThat(blank.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(eventCount(accountId, "AccountErased")).isZero();

        HttpTestClient.Response erased = http.postJson(
                "/api/accounts/" + accountId + "/erasure",
                HttpTestClient.json(Map.of("reason", "request by letter of 2026-12-01")),
                admin);
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);
        assertProblem(
                http.postJson(
                        "/api/accounts/" + accountId + "/erasure",
                        HttpTestClient.json(Map.of("reason", "twice")),
                        admin),
                409);

        JsonNode trail = http.get("/admin/audit?subject=" + accountId, admin).json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).path("action").asString()).isEqualTo("ACCOUNT_ERASED");
        assertThat(trail.get(0).path("operatorEmail").asString()).isEqualTo("ada.admin@cps.local");
        assertThat(trail.get(0).path("details").path("reason").asString()).isEqualTo("request by letter of 2026-12-01");

        await().atMost(WAIT).until(() -> erasure.isErased(accountId));
        awaitPublished(accountId, ERASED_TYPE);

        // verification's late news about it is consumed without a command (not retried, not dead-lettered)
        String late = journey.verify(accountId);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, late)
                        == 1);
        assertThat(eventCount(accountId, "AccountOpened")).isZero();
        assertNoneIn(eventPayloads(accountId), List.of(email, "Lumen Studio Ltd", "Ada Lumen"), "event rows");
        assertThat(journey.apply(email, "en")).isNotEqualTo(accountId);
    }

    /**
     * A request as if through the entry point from a source of this test's own (X-Forwarded-For): its failures count
     * against that source, not against the one every IT of this context shares.
     */
    private HttpTestClient.Response postFrom(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new HttpTestClient.Response(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    private void rebuild(String projection) {
        HttpTestClient.Response started =
                http.post("/admin/projections/" + projection + "/rebuild", "application/json", "", admin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> http.get("/admin/projections/" + projection + "/rebuild", admin)
                                .json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
    }

    /** The account's document in every collection of the service's database (every version of every projection). */
    private List<Document> readModels(String accountId) {
        List<Document> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            Document doc = mongo.findOne(Query.query(Criteria.where("_id").is(accountId)), Document.class, collection);
            if (doc != null) {
                found.add(doc);
            }
        }
        return found;
    }

    private List<String> eventPayloads(String accountId) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class,
                accountId);
    }

    private long eventCount(String accountId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                Long.class,
                accountId,
                "%." + type);
    }

    private static void assertNoneIn(List<String> texts, List<String> values, String where) {
        for (String text : texts) {
            for (String value : values) {
                assertThat(text.toLowerCase(java.util.Locale.ROOT))
                        .as(where + " must not hold " + value)
                        .doesNotContain(value.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
