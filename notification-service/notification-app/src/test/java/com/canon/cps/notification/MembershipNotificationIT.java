package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * notification-service consuming {@code cps.membership.events}: the CPS invitation and the activated membership, each
 * once per event in the account's language (German and English), with bell entries, also when redelivered.
 */
@CpsServiceTest
class MembershipNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final Duration DELIVERED = Duration.ofSeconds(30);
    private static final LocalDate EXPIRES = LocalDate.parse("2027-09-19");

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
    void germanMember_getsInvitationAndActivationMailsOnce_andBellEntries() {
        String account = UUID.randomUUID().toString();
        String email = "max." + account + "@muster.example";
        applied(account, email, "Max Muster", "Muster GmbH", "de");
        String invitedId = UUID.randomUUID().toString();
        String activatedId = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) { // the second round is a redelivery
            invited(account, invitedId, 510);
            activated(account, activatedId);
        }

        List<CapturedMail> mails = awaitMails(email, 3);
        CapturedMail invitation = bySubject(mails, "Du bist eingeladen, Canon Professional Services beizutreten");
        assertThat(invitation.from()).isEqualTo("donotreply@canon-europe.com");
        assertThat(invitation.text()).startsWith("Hallo Max Muster,").contains("Mit 510 Punkten kann Muster GmbH");
        CapturedMail active = bySubject(mails, "Deine CPS-Mitgliedschaft ist aktiv");
        assertThat(active.text())
                .contains("die Silver-Mitgliedschaft von Muster GmbH")
                .contains("Mitgliedsnummer: 123456789")
                .contains("Gültig bis: 19.09.2027");

        await().atMost(DELIVERED)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE consumer = 'membershipEvents'"
                                        + " AND message_id IN (?, ?)",
                                Long.class,
                                invitedId,
                                activatedId)
                        == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE account_id = ? AND kind IN (?, ?)",
                        Long.class,
                        account,
                        "cps-invitation",
                        "membership-activated"))
                .isEqualTo(2);
        JsonNode bell =
                http.get("/api/notifications", TestTokens.member(account)).json();
        assertThat(bell.findValuesAsString("type"))
                .contains("CPS_INVITATION", "MEMBERSHIP_ACTIVATED")
                .hasSize(3);
        assertThat(bell.findValuesAsString("title")).contains("CPS-Einladung", "Mitgliedschaft aktiviert");
    }

    @Test
    void englishMember_getsTheEnglishMails() {
        String account = UUID.randomUUID().toString();
        String email = "ada." + account + "@lumen.example";
        applied(account, email, "Ada Lumen", "Lumen Studio Ltd", "en");

        invited(account, UUID.randomUUID().toString(), 500);
        activated(account, UUID.randomUUID().toString());

        List<CapturedMail> mails = awaitMails(email, 3);
        assertThat(bySubject(mails, "You are invited to join Canon Professional Services")
                        .text())
                .startsWith("Dear Ada Lumen,")
                .contains("with 500 points, Lumen Studio Ltd can now join");
        assertThat(bySubject(mails, "Your CPS membership is active").text())
                .contains("the Silver membership of Lumen Studio Ltd")
                .contains("Membership number: 123456789")
                .contains("Expires: 19/09/2027");
        JsonNode bell = await().atMost(DELIVERED)
                .until(
                        () -> http.get("/api/notifications", TestTokens.member(account))
                                .json(),
                        b -> b.size() == 3);
        assertThat(bell.findValuesAsString("title")).contains("CPS invitation", "Membership activated");
    }

    /** The application (which names the recipient) is handled before membership events, as in the real journey. */
    private void applied(String account, String email, String contact, String company, String language) {
        KafkaTestClient.send(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountApplicationSubmitted.TYPE,
                HttpTestClient.json(new AccountApplicationSubmitted(
                        account,
                        company,
                        new Address("Hauptstr. 1", "10115", "Berlin", "DE"),
                        "DE",
                        contact,
                        email,
                        language,
                        false,
                        null,
                        List.of("doc-" + account),
                        false,
                        Instant.now())));
        await().atMost(DELIVERED)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM recipient WHERE account_id = ?", Long.class, account)
                                == 1);
    }

    private static void invited(String account, String ceId, int points) {
        KafkaTestClient.send(
                "cps.membership.events",
                account,
                ceId,
                MembershipInvited.TYPE,
                HttpTestClient.json(new MembershipInvited(account, points, Instant.now())));
    }

    private static void activated(String account, String ceId) {
        KafkaTestClient.send(
                "cps.membership.events",
                account,
                ceId,
                MembershipActivated.TYPE,
                HttpTestClient.json(new MembershipActivated(
                        account,
                        "123456789",
                        "SILVER",
                        EXPIRES.minusYears(1).plusDays(1),
                        EXPIRES,
                        true,
                        Instant.now())));
    }

    /** The application-received mail plus the expected membership mails; never more. */
    private static List<CapturedMail> awaitMails(String email, int count) {
        List<CapturedMail> mails = await().atMost(DELIVERED).until(() -> MAIL.to(email), m -> m.size() >= count);
        assertThat(mails).hasSize(count);
        return mails;
    }

    private static CapturedMail bySubject(List<CapturedMail> mails, String subject) {
        return mails.stream()
                .filter(m -> m.subject().equals(subject))
                .reduce((a, b) -> {
                    throw new AssertionError("two mails with subject " + subject);
                })
                .orElseThrow(() -> new AssertionError("no mail with subject " + subject + " in " + mails));
    }
}
