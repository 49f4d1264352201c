package com.canon.cps.notification;

import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * notification-service consuming {@code cps.account.events} through the real broker and sending through the real
 * (embedded) SMTP server: the applicant gets one "application received" e-mail in its language and a bell entry,
 * however often the record is delivered; each member sees and marks only its own bell entries.
 */
@CpsServiceTest
class AccountEventsNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String TOPIC = "cps.account.events";
    private static final String SENDER = "donotreply@canon-europe.com";
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void germanApplication_getsOneGermanReceivedMail_andABellEntry_evenWhenDeliveredTwice() {
        String accountId = UUID.randomUUID().toString();
        String email = "max." + accountId + "@muster.example";
        String ceId = UUID.randomUUID().toString();
        String record = submitted(accountId, email, "Max Muster", "Muster GmbH", "de");
        double duplicatesBefore = duplicates();

        send(accountId, ceId, record);

        CapturedMail mail = MAIL.awaitAnyMail(email);
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.subject()).isEqualTo("Wir haben deinen Antrag auf einen Business Account erhalten");
        assertThat(mail.text())
                .startsWith("Hallo Max Muster,")
                .contains("vielen Dank für deinen Antrag auf einen Canon Business Account für Muster GmbH.")
                .contains("innerhalb von 2 Werktagen");

        JsonNode bell = Bell.awaitAny(http, accountId);
        assertThat(bell).hasSize(1);
        assertThat(bell.get(0).path("type").asString()).isEqualTo("APPLICATION_RECEIVED");
        assertThat(bell.get(0).path("title").asString()).isEqualTo("Antrag eingegangen");
        assertThat(bell.get(0).path("read").asBoolean()).isFalse();
        assertThat(Instant.parse(bell.get(0).path("createdAt").asString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());

        send(accountId, ceId, record);

        await().atMost(DELIVERED).until(() -> duplicates() >= duplicatesBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE account_id = ?", Long.class, accountId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM outbound_mail WHERE account_id = ?", String.class, accountId))
                .isEqualTo("SENT");
        assertThat(MAIL.to(email)).hasSize(1);
        assertThat(Bell.entries(http, accountId)).hasSize(1);
    }

    @Test
    void englishApplication_getsTheEnglishMail() {
        String accountId = UUID.randomUUID().toString();
        String email = "ada." + accountId + "@lumen.example";

        send(
                accountId,
                UUID.randomUUID().toString(),
                submitted(accountId, email, "Ada Lumen", "Lumen Studio Ltd", "en"));

        CapturedMail mail = MAIL.awaitAnyMail(email);
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.subject()).isEqualTo("We have received your Business Account application");
        assertThat(mail.text())
                .startsWith("Dear Ada Lumen,")
                .contains("thank you for applying for a Canon Business Account for Lumen Studio Ltd.");
        assertThat(Bell.awaitAny(http, accountId).get(0).path("title").asString())
                .isEqualTo("Application received");
    }

    @Test
    void bellEntries_areVisibleAndMarkableByTheirMemberOnly() {
        String owner = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        send(
                owner,
                UUID.randomUUID().toString(),
                submitted(owner, "o." + owner + "@x.example", "O", "Owner Ltd", "en"));
        String entryId = Bell.awaitAny(http, owner).get(0).path("id").asString();

        HttpTestClient.Response othersBell = http.get("/api/notifications", TestTokens.member(other));
        assertThat(othersBell.status()).isEqualTo(200);
        assertThat(othersBell.json()).isEmpty();

        assertProblem(
                http.post("/api/notifications/" + entryId + "/read", "application/json", "", TestTokens.member(other)),
                404);
        assertThat(Bell.entries(http, owner).get(0).path("read").asBoolean())
                .as("untouched by the other member")
                .isFalse();

        HttpTestClient.Response read =
                http.post("/api/notifications/" + entryId + "/read", "application/json", "", TestTokens.member(owner));
        assertThat(read.status()).isEqualTo(204);
        assertThat(Bell.entries(http, owner).get(0).path("read").asBoolean()).isTrue();

        assertProblem(
                http.post("/api/notifications/not-a-uuid/read", "application/json", "", TestTokens.member(owner)), 404);
        assertProblem(
                http.post(
                        "/api/notifications/" + UUID.randomUUID() + "/read",
                        "application/json",
                        "",
                        TestTokens.member(owner)),
                404);
    }

    @Test
    void anyOperator_readsWhatWasSentToAMember_withoutMarkingIt_aMemberNeverAnothers_andAnOperatorMustNameTheAccount() {
        String owner = UUID.randomUUID().toString();
        send(
                owner,
                UUID.randomUUID().toString(),
                submitted(owner, "o." + owner + "@x.example", "O", "Owner Ltd", "en"));
        JsonNode member = Bell.awaitAny(http, owner);
        String reader = TestTokens.operator("reader@cps.local");

        HttpTestClient.Response read = http.get("/api/notifications?accountId=" + owner, reader);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).as("exactly what the member gets").isEqualTo(member);
        assertThat(Bell.entries(http, owner).get(0).path("read").asBoolean())
                .as("nothing marked read")
                .isFalse();
        HttpTestClient.Response unknown = http.get("/api/notifications?accountId=" + UUID.randomUUID(), reader);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
        assertThat(unknown.json()).as("as a new member's").isEmpty();

        HttpTestClient.Response other = http.get(
                "/api/notifications?accountId=" + owner,
                TestTokens.member(UUID.randomUUID().toString()));
        assertProblem(other, 403);
        assertThat(other.body()).doesNotContain(member.get(0).path("id").asString());
        assertProblem(http.get("/api/notifications?accountId=" + owner, TestTokens.member(owner)), 403);

        HttpTestClient.Response missing = http.get("/api/notifications", reader);
        assertProblem(missing, 400);
        assertThat(missing.json().path("detail").asString()).contains("accountId");
        HttpTestClient.Response malformed = http.get("/api/notifications?accountId=not-a-uuid", reader);
        assertProblem(malformed, 400);
        assertThat(malformed.json().path("detail").asString()).contains("accountId");
    }

    @Test
    void bell_needsAValidMemberToken() {
        assertProblem(http.get("/api/notifications", null), 401);
        assertProblem(
                http.get(
                        "/api/notifications",
                        TestTokens.expiredMember(UUID.randomUUID().toString())),
                401);
        assertProblem(
                http.get(
                        "/api/notifications",
                        TestTokens.signedByOtherKey(UUID.randomUUID().toString())),
                401);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String submitted(String accountId, String email, String contact, String company, String language) {
        return HttpTestClient.json(new AccountApplicationSubmitted(
                accountId,
                company,
                new Address("Hauptstr. 1", "10115", "Berlin", "DE"),
                "DE",
                contact,
                email,
                language,
                false,
                null,
                List.of("doc-" + accountId),
                false,
                Instant.now()));
    }

    private static void send(String accountId, String ceId, String json) {
        KafkaTestClient.send(TOPIC, accountId, ceId, AccountApplicationSubmitted.TYPE, json);
    }

    private double duplicates() {
        return meters
                .find("cps.events.consumed")
                .tag("consumer", "accountEvents")
                .tag("type", AccountApplicationSubmitted.TYPE)
                .tag("outcome", "duplicate")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
