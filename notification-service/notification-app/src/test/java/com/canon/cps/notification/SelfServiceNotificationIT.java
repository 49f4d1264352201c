package com.canon.cps.notification;

import static com.canon.cps.platform.test.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountDetailsChanged;
import com.canon.cps.account.contract.Address;
import com.canon.cps.account.contract.CompanyChangeRejected;
import com.canon.cps.account.contract.CompanyDetailsChanged;
import com.canon.cps.account.contract.ContactEmailChanged;
import com.canon.cps.account.contract.ContactEmailConfirmationIssuedV2;
import com.canon.cps.account.contract.LegacyEmailCodeIssuedV2;
import com.canon.cps.account.contract.PasswordChanged;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.platform.test.TestTokens;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
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
 * The e-mails of the member's own changes, through the real broker and SMTP server: a changed password (no link), the
 * confirmation link of a new contact e-mail (to the new address), the notice to the previous address once it changed,
 * an approved or refused change of company details, the code for the old CPS e-mail (to that old address), and the
 * information request's answer link; names, language, address and company update the recipient first. Links and
 * codes are not kept once sent.
 */
@CpsServiceTest
class SelfServiceNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String ACCOUNT_TOPIC = "cps.account.events";
    private static final String VERIFICATION_TOPIC = "cps.verification.events";
    private static final String PORTAL = "http://localhost:8080";
    private static final Duration DELIVERED = Duration.ofSeconds(30);
    private static final Instant EXPIRES = Instant.parse("2026-12-04T14:21:00Z");

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
    void passwordChanged_tellsTheMember_withoutALink() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "en");

        send(accountId, PasswordChanged.TYPE, new PasswordChanged(accountId, "CHANGE", EXPIRES));

        CapturedMail mail = MAIL.awaitMail(email, "The password of your Canon Business Account was changed");
        assertThat(text(mail))
                .startsWith("Dear Ada Lumen,")
                .contains("was changed on 04/12/2026 14:21 UTC")
                .contains("Forgotten your password?")
                .doesNotContain("http");
        assertThat(bellTypes(accountId)).containsExactly("APPLICATION_RECEIVED");
    }

    @Test
    void aNewContactEmail_getsItsConfirmationLink_andOnceChangedThePreviousAddressIsTold_andLaterMailsGoToTheNewOne() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "de");
        String newEmail = "accounts." + accountId + "@lumen.example";
        String token = UUID.randomUUID().toString().replace("-", "") + "Ab_-";

        String ceId = UUID.randomUUID().toString();
        send(
                accountId,
                ceId,
                ContactEmailConfirmationIssuedV2.TYPE,
                new ContactEmailConfirmationIssuedV2(
                        accountId,
                        newEmail,
                        "de",
                        Sealed.byAccount(token, ContactEmailConfirmationIssuedV2.TYPE, ceId),
                        EXPIRES));

        CapturedMail confirmation = MAIL.awaitMail(newEmail, "Bitte bestätige deine neue E-Mail-Adresse");
        assertThat(confirmation.to()).containsExactly(newEmail);
        assertThat(text(confirmation))
                .startsWith("Hallo Ada Lumen,")
                .contains("\n" + PORTAL + "/confirm-email?token=" + token + "\n")
                .contains("gültig bis 04.12.2026, 14:21 Uhr UTC");
        assertThat(Mailbox.html(MAIL.received(newEmail, "Bitte bestätige deine neue E-Mail-Adresse")))
                .contains("<a href=\"" + PORTAL + "/confirm-email?token=" + token + "\"")
                .contains(">E-Mail-Adresse bestätigen</a>");
        awaitRedacted(accountId, "contact-email-confirmation", token);
        assertThat(MAIL.to(email)).as("not to the current address").hasSize(1);

        send(accountId, ContactEmailChanged.TYPE, new ContactEmailChanged(accountId, newEmail, email, EXPIRES));

        CapturedMail told = MAIL.awaitMail(email, "Die E-Mail-Adresse deines Canon Business Accounts wurde geändert");
        assertThat(text(told)).contains("wurde in " + newEmail + " geändert");
        send(accountId, PasswordChanged.TYPE, new PasswordChanged(accountId, "RESET", EXPIRES));
        MAIL.awaitMail(newEmail, "Das Passwort deines Canon Business Accounts wurde geändert");
    }

    @Test
    void changedNameAndLanguage_apply_toTheNextMail() {
        String accountId = UUID.randomUUID().toString();
        applicant(accountId, "en");

        send(
                accountId,
                AccountDetailsChanged.TYPE,
                new AccountDetailsChanged(
                        accountId,
                        "Ada Byron",
                        "de",
                        new Address("2 Market Square", "SW1A 2AA", "London", "GB"),
                        "GB",
                        List.of("contactName", "language", "address"),
                        EXPIRES));
        send(accountId, PasswordChanged.TYPE, new PasswordChanged(accountId, "CHANGE", EXPIRES));

        CapturedMail mail = MAIL.awaitMail(
                "applicant." + accountId + "@lumen.example",
                "Das Passwort deines Canon Business Accounts wurde geändert");
        assertThat(text(mail)).startsWith("Hallo Ada Byron,");
    }

    @Test
    void companyChange_approvedOrRefused_isTold() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "en");

        send(
                accountId,
                CompanyChangeRejected.TYPE,
                new CompanyChangeRejected(accountId, "chg-1", "Canon Europe Ltd", "Not your company", EXPIRES));
        CapturedMail refused = MAIL.awaitMail(email, "Your change of company details was not accepted");
        assertThat(text(refused))
                .contains("for Lumen Studio Ltd to Canon Europe Ltd.")
                .contains("Reason: Not your company");
        assertThat(Bell.awaitEntry(http, accountId, "COMPANY_CHANGE_REJECTED")
                        .path("title")
                        .asString())
                .isEqualTo("Change of company details not accepted");

        send(
                accountId,
                CompanyDetailsChanged.TYPE,
                new CompanyDetailsChanged(accountId, "chg-2", "Lumen Studio Group Ltd", "GB980780684", EXPIRES));
        CapturedMail approved = MAIL.awaitMail(email, "Your company details were changed");
        assertThat(text(approved)).contains("is now held by Lumen Studio Group Ltd, VAT ID GB980780684.");
    }

    @Test
    void theCodeForTheOldEmail_goesToTheOldAddress_andIsNotKept() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "en");
        String oldEmail = "old." + accountId + "@lumen.example";

        String ceId = UUID.randomUUID().toString();
        send(
                accountId,
                ceId,
                LegacyEmailCodeIssuedV2.TYPE,
                new LegacyEmailCodeIssuedV2(
                        accountId,
                        oldEmail,
                        "en",
                        Sealed.byAccount("402817", LegacyEmailCodeIssuedV2.TYPE, ceId),
                        EXPIRES));

        CapturedMail mail = MAIL.awaitMail(oldEmail, "Your code for the old CPS e-mail address");
        assertThat(mail.to()).containsExactly(oldEmail);
        assertThat(text(mail))
                .startsWith("Hello,")
                .contains("the Canon Business Account of Lumen Studio Ltd (Ada Lumen)")
                .contains("Your code: 402817")
                .contains("valid until 04/12/2026 14:21 UTC");
        awaitRedacted(accountId, "legacy-email-code", "402817");
        assertThat(MAIL.to(email)).hasSize(1);
        assertThat(bellTypes(accountId)).containsExactly("APPLICATION_RECEIVED");
    }

    @Test
    void anInformationRequestWithItsLink_carriesTheMessageAndTheLink_andTheBellOnlyTheTitle() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "en");
        String token = UUID.randomUUID().toString().replace("-", "") + "Xy_-";
        String message = "Please upload an invoice not older than 3 months";

        String ceId = UUID.randomUUID().toString();
        KafkaTestClient.send(
                VERIFICATION_TOPIC,
                accountId,
                ceId,
                VerificationInfoRequestedV2.TYPE,
                HttpTestClient.json(new VerificationInfoRequestedV2(
                        accountId,
                        "case-1",
                        message,
                        Instant.now(),
                        Sealed.byVerification(token, VerificationInfoRequestedV2.TYPE, ceId),
                        EXPIRES)));

        CapturedMail mail = MAIL.awaitMail(email, "We need more information about your Business Account application");
        assertThat(text(mail))
                .contains("\n" + message + "\n")
                .contains("\n" + PORTAL + "/apply/information?token=" + token + "\n")
                .contains("valid until 04/12/2026 14:21 UTC");
        assertThat(Mailbox.html(
                        MAIL.received(email, "We need more information about your Business Account application")))
                .contains(">Send the document</a>");
        JsonNode bell = Bell.awaitEntry(http, accountId, "INFORMATION_REQUESTED");
        assertThat(bell.path("title").asString()).isEqualTo("More information needed");
        assertThat(bell.toString()).doesNotContain(token);
        awaitRedacted(accountId, "information-requested", token);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private String applicant(String accountId, String language) {
        String email = "applicant." + accountId + "@lumen.example";
        send(
                accountId,
                AccountApplicationSubmitted.TYPE,
                new AccountApplicationSubmitted(
                        accountId,
                        "Lumen Studio Ltd",
                        new Address("1 High St", "SW1A 1AA", "London", "GB"),
                        "GB",
                        "Ada Lumen",
                        email,
                        language,
                        false,
                        null,
                        List.of("doc-" + accountId),
                        false,
                        Instant.now()));
        MAIL.awaitAnyMail(email);
        return email;
    }

    private void awaitRedacted(String accountId, String kind, String secret) {
        await().atMost(DELIVERED)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT body || coalesce(html_body, '') FROM outbound_mail"
                                        + " WHERE account_id = ? AND kind = ? AND status = 'SENT'",
                                String.class,
                                accountId,
                                kind))
                        .doesNotContain(secret));
    }

    private static void send(String accountId, String type, Object payload) {
        send(accountId, UUID.randomUUID().toString(), type, payload);
    }

    private static void send(String accountId, String ceId, String type, Object payload) {
        KafkaTestClient.send(ACCOUNT_TOPIC, accountId, ceId, type, HttpTestClient.json(payload));
    }

    private List<String> bellTypes(String accountId) {
        HttpTestClient.Response response = http.get("/api/notifications", TestTokens.member(accountId));
        assertThat(response.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(response.json().spliterator(), false)
                .map(e -> e.path("type").asString())
                .toList();
    }
}
