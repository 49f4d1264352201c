package com.canon.cps.notification;

import static com.canon.cps.platform.test.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.account.contract.PasswordSetupIssuedV2;
import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Link tokens arrive sealed for notification-service (ADR 20): a value sealed for its event opens and the mail carries
 * the working link; during a key rotation a value sealed with account-service's previous key still opens; a value moved
 * from another event (associated data) or sealed with a key notification-service does not hold is refused: no mail,
 * the record is dead-lettered, and the operators' dead-letter view shows only the sealed value.
 */
@CpsServiceTest
class SealedSecretsNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String TOPIC = "cps.account.events";
    private static final String DEAD_LETTER_SOURCE = "kafka:cps.account.events.notification-service.dlt";
    private static final String LINK_BASE = "http://localhost:8080/set-password?token=";
    private static final String SUBJECT = "Your Business Account is approved: please set your password";
    private static final Duration DELIVERED = Duration.ofSeconds(30);
    /** Long enough for the binder's retries with back-off before the record is dead-lettered. */
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    private static final Instant EXPIRES = Instant.parse("2026-11-30T10:15:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void aTokenSealedForItsEvent_opens_andTheMailCarriesTheWorkingLink() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId);
        String token = token();
        String ceId = UUID.randomUUID().toString();

        send(accountId, ceId, Sealed.byAccount(token, PasswordSetupIssuedV2.TYPE, ceId), email);

        assertThat(text(MAIL.awaitMail(email, SUBJECT))).contains("\n" + LINK_BASE + token + "\n");
    }

    @Test
    void duringARotation_aTokenSealedWithThePreviousKey_stillOpens() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId);
        String token = token();
        String ceId = UUID.randomUUID().toString();

        send(accountId, ceId, Sealed.byAccountWithPreviousKey(token, PasswordSetupIssuedV2.TYPE, ceId), email);

        assertThat(text(MAIL.awaitMail(email, SUBJECT))).contains("\n" + LINK_BASE + token + "\n");
    }

    @Test
    void aTokenSealedForAnotherEvent_orWithAKeyNotHeld_isRefused_deadLettered_andNotReadableThere() {
        String movedAccount = UUID.randomUUID().toString();
        String movedEmail = applicant(movedAccount);
        String movedToken = token();
        String strangerAccount = UUID.randomUUID().toString();
        String strangerEmail = applicant(strangerAccount);
        String strangerToken = token();
        // a value sealed (correctly) for one event, copied into another
        String original = UUID.randomUUID().toString();
        String moved = Sealed.byAccount(movedToken, PasswordSetupIssuedV2.TYPE, original);
        String strangerCeId = UUID.randomUUID().toString();
        String stranger = SealedSecrets.fromSetting(
                        "a key notification-service does not hold", SealedSecrets.generateKey())
                .seal(strangerToken, SealedSecrets.eventContext(PasswordSetupIssuedV2.TYPE, strangerCeId));

        send(movedAccount, UUID.randomUUID().toString(), moved, movedEmail);
        send(strangerAccount, strangerCeId, stranger, strangerEmail);

        for (var refused : List.of(List.of(movedAccount, movedToken, moved), List.of(strangerAccount, strangerToken))) {
            JsonNode letter = await().atMost(DEAD_LETTERED)
                    .until(() -> lettersOf(refused.get(0)), l -> l.size() == 1)
                    .get(0);
            JsonNode details =
                    ok(http.get("/admin/dead-letters/" + letter.path("id").asString(), TestTokens.operator()));
            assertThat(details.path("type").asString()).isEqualTo(PasswordSetupIssuedV2.TYPE);
            assertThat(details.toString()).as("the operators' view").doesNotContain(refused.get(1));
            assertThat(details.path("payload").asString()).contains("\"sealedToken\":\"s1.");
        }
        assertThat(MAIL.to(movedEmail, SUBJECT)).isEmpty();
        assertThat(MAIL.to(strangerEmail, SUBJECT)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE account_id IN (?, ?) AND kind = 'account-approved'",
                        Long.class,
                        movedAccount,
                        strangerAccount))
                .isZero();
    }

    private List<JsonNode> lettersOf(String key) {
        List<JsonNode> letters = new ArrayList<>();
        ok(http.get("/admin/dead-letters", TestTokens.operator())).forEach(l -> {
            if (l.path("source").asString().equals(DEAD_LETTER_SOURCE)
                    && l.path("key").asString().equals(key)) {
                letters.add(l);
            }
        });
        return letters;
    }

    private static JsonNode ok(HttpTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void send(String accountId, String ceId, String sealedToken, String email) {
        KafkaTestClient.send(
                TOPIC,
                accountId,
                ceId,
                PasswordSetupIssuedV2.TYPE,
                HttpTestClient.json(new PasswordSetupIssuedV2(accountId, email, "en", sealedToken, EXPIRES)));
    }

    /** Registers the applicant as account-service's first event does, and waits for the "received" mail. */
    private static String applicant(String accountId) {
        String email = "applicant." + accountId + "@lumen.example";
        KafkaTestClient.send(
                TOPIC,
                accountId,
                UUID.randomUUID().toString(),
                AccountApplicationSubmitted.TYPE,
                HttpTestClient.json(new AccountApplicationSubmitted(
                        accountId,
                        "Lumen Studio Ltd",
                        new Address("1 High St", "SW1A 1AA", "London", "GB"),
                        "GB",
                        "Ada Lumen",
                        email,
                        "en",
                        false,
                        null,
                        List.of("doc-" + accountId),
                        false,
                        Instant.now())));
        MAIL.awaitAnyMail(email);
        return email;
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "") + "_-x";
    }
}
