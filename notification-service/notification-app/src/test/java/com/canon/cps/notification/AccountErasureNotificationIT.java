package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.account.contract.AccountRejected;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23) in notification-service, through the real broker: the
 * {@code AccountErased} record account-service publishes purges the account's e-mails from the send log (addresses,
 * texts, HTML), its bell entries and its entry in the recipient directory; afterwards no event of the account writes
 * an e-mail or a bell entry, neither a late one with clear values nor one whose personal data reads
 * {@code "[erased]"}, and none of them is dead-lettered.
 */
@CpsServiceTest
class AccountErasureNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String TOPIC = "cps.account.events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataErasure erasure;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void erasedAccount_isPurged_andGetsNothingAfterwards() {
        String accountId = UUID.randomUUID().toString();
        String email = "eve." + accountId + "@erasable.example";
        send(accountId, UUID.randomUUID().toString(), AccountApplicationSubmitted.TYPE, submitted(accountId, email));
        String rejection = UUID.randomUUID().toString();
        send(
                accountId,
                rejection,
                AccountRejected.TYPE,
                HttpTestClient.json(new AccountRejected(accountId, "Eve's documents are unreadable", Instant.now())));
        await().atMost(WAIT).until(() -> mails(accountId, "SENT") == 2);
        assertThat(bell(accountId)).isEqualTo(2);
        assertThat(rows("recipient", accountId)).isEqualTo(1);
        int received = MAIL.to(email).size();
        assertThat(received).isEqualTo(2);

        String erased = UUID.randomUUID().toString();
        send(accountId, erased, AccountErased.TYPE, HttpTestClient.json(new AccountErased(accountId, Instant.now())));

        awaitHandled(erased);
        assertThat(erasure.isErased(accountId)).isTrue();
        assertThat(rows("outbound_mail", accountId)).as("the send log").isZero();
        assertThat(rows("bell_entry", accountId)).isZero();
        assertThat(rows("recipient", accountId)).as("the recipient directory").isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE recipient = ? OR body LIKE ?",
                        Long.class,
                        email,
                        "%Eve Erasable%"))
                .isZero();
        assertThat(bell(accountId)).isZero();

        // late events of the account: a redelivered application with its clear values, one whose personal data now
        // reads "[erased]", a rejection; each is handled (no dead letter) and writes nothing
        String late = UUID.randomUUID().toString();
        send(accountId, late, AccountApplicationSubmitted.TYPE, submitted(accountId, email));
        String lateErased = UUID.randomUUID().toString();
        send(
                accountId,
                lateErased,
                AccountApplicationSubmitted.TYPE,
                HttpTestClient.json(new AccountApplicationSubmitted(
                        accountId,
                        PersonalData.ERASED,
                        new Address(PersonalData.ERASED, PersonalData.ERASED, PersonalData.ERASED, "DE"),
                        "DE",
                        PersonalData.ERASED,
                        PersonalData.ERASED,
                        "de",
                        false,
                        null,
                        List.of(),
                        false,
                        Instant.now())));
        String lateRejection = UUID.randomUUID().toString();
        send(
                accountId,
                lateRejection,
                AccountRejected.TYPE,
                HttpTestClient.json(new AccountRejected(accountId, PersonalData.ERASED, Instant.now())));
        awaitHandled(late);
        awaitHandled(lateErased);
        awaitHandled(lateRejection);
        assertThat(rows("outbound_mail", accountId)).isZero();
        assertThat(rows("bell_entry", accountId)).isZero();
        assertThat(rows("recipient", accountId)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE recipient = ?", Long.class, PersonalData.ERASED))
                .isZero();
        assertThat(MAIL.to(email)).hasSize(received);
        assertThat(MAIL.to(PersonalData.ERASED)).isEmpty();
    }

    @Test
    void erasingAnAccountThisServiceNeverHeardOf_isHarmless() {
        String accountId = UUID.randomUUID().toString();
        String erased = UUID.randomUUID().toString();

        send(accountId, erased, AccountErased.TYPE, HttpTestClient.json(new AccountErased(accountId, Instant.now())));

        awaitHandled(erased);
        assertThat(erasure.isErased(accountId)).isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String submitted(String accountId, String email) {
        return HttpTestClient.json(new AccountApplicationSubmitted(
                accountId,
                "Erasable Optics GmbH",
                new Address("Hauptstr. 1", "10115", "Berlin", "DE"),
                "DE",
                "Eve Erasable",
                email,
                "en",
                false,
                null,
                List.of("doc-" + accountId),
                false,
                Instant.now()));
    }

    private static void send(String accountId, String ceId, String type, String json) {
        KafkaTestClient.send(TOPIC, accountId, ceId, type, json);
    }

    private void awaitHandled(String ceId) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id = ?", Long.class, ceId)
                        == 1);
    }

    private long mails(String accountId, String status) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbound_mail WHERE account_id = ? AND status = ?",
                Long.class,
                accountId,
                status);
    }

    private long rows(String table, String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE account_id = ?", Long.class, accountId);
    }

    private int bell(String accountId) {
        HttpTestClient.Response response = http.get("/api/notifications", TestTokens.member(accountId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().size();
    }
}
