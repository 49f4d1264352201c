package com.canon.cps.notification;

import static com.canon.cps.platform.test.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.AccountInfoRequested;
import com.canon.cps.account.contract.AccountRejected;
import com.canon.cps.account.contract.Address;
import com.canon.cps.account.contract.PasswordResetIssuedV2;
import com.canon.cps.account.contract.PasswordSetupIssuedV2;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.verification.contract.VerificationInfoRequestedV2;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The verification outcomes as account-service publishes them, through the real broker and SMTP server: approval
 * (one e-mail with the password-setup link, however often delivered), rejection (the reason, no link) and a request
 * for more information (the reason), in the applicant's language, each with a bell entry; and the forgotten-password
 * link (one e-mail, no bell entry).
 */
@CpsServiceTest
class AccountDecisionNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String TOPIC = "cps.account.events";
    private static final String SENDER = "donotreply@canon-europe.com";
    private static final String LINK_BASE = "http://localhost:8080/set-password?token=";
    private static final String RESET_LINK_BASE = "http://localhost:8080/reset-password?token=";
    private static final Duration DELIVERED = Duration.ofSeconds(30);
    /** 2026-11-30 10:15 UTC. */
    private static final Instant EXPIRES = Instant.parse("2026-11-30T10:15:00Z");

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
    void passwordSetupIssued_sendsExactlyOneEnglishMailWithTheLink_evenWhenDeliveredTwice() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Ada Lumen", "Lumen Studio Ltd", "en");
        String token = token();
        String ceId = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates(PasswordSetupIssuedV2.TYPE);

        send(
                accountId,
                ceId,
                PasswordSetupIssuedV2.TYPE,
                new PasswordSetupIssuedV2(
                        accountId, email, "en", Sealed.byAccount(token, PasswordSetupIssuedV2.TYPE, ceId), EXPIRES));

        CapturedMail mail = MAIL.awaitMail(email, "Your Business Account is approved: please set your password");
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.to()).containsExactly(email);
        assertThat(text(mail))
                .startsWith("Dear Ada Lumen,")
                .contains("your Canon Business Account for Lumen Studio Ltd has been approved.")
                .contains("\n" + LINK_BASE + token + "\n")
                .contains("valid until 30/11/2026 10:15 UTC");
        jakarta.mail.internet.MimeMessage received =
                MAIL.received(email, "Your Business Account is approved: please set your password");
        assertThat(Mailbox.alternatives(received)).containsExactly("text/plain", "text/html");
        assertThat(Mailbox.html(received))
                .contains("<html lang=\"en\">")
                .contains("your Canon Business Account for Lumen Studio Ltd has been approved.")
                .contains("<a href=\"" + LINK_BASE + token + "\"")
                .contains(">Set your password</a>")
                .contains("valid until 30/11/2026 10:15 UTC");
        JsonNode approved = Bell.awaitEntry(http, accountId, "ACCOUNT_APPROVED");
        assertThat(approved.path("title").asString()).isEqualTo("Business Account approved");
        assertThat(approved.toString()).doesNotContain(token);

        send(
                accountId,
                ceId,
                PasswordSetupIssuedV2.TYPE,
                new PasswordSetupIssuedV2(
                        accountId, email, "en", Sealed.byAccount(token, PasswordSetupIssuedV2.TYPE, ceId), EXPIRES));

        await().atMost(DELIVERED).until(() -> duplicates(PasswordSetupIssuedV2.TYPE) >= duplicatesBefore + 1);
        assertThat(MAIL.to(email, "Your Business Account is approved: please set your password"))
                .hasSize(1);
        assertThat(Bell.entries(http, accountId))
                .filteredOn(e -> e.path("type").asString().equals("ACCOUNT_APPROVED"))
                .hasSize(1);
        assertLinkRedacted(accountId, "account-approved", token);
    }

    @Test
    void passwordSetupIssued_inGerman() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Max Muster", "Muster GmbH", "de");
        String token = token();

        String ceId = UUID.randomUUID().toString();
        send(
                accountId,
                ceId,
                PasswordSetupIssuedV2.TYPE,
                new PasswordSetupIssuedV2(
                        accountId, email, "de", Sealed.byAccount(token, PasswordSetupIssuedV2.TYPE, ceId), EXPIRES));

        CapturedMail mail =
                MAIL.awaitMail(email, "Dein Business Account ist freigeschaltet: Bitte lege dein Passwort fest");
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(text(mail))
                .startsWith("Hallo Max Muster,")
                .contains("dein Canon Business Account für Muster GmbH wurde freigeschaltet.")
                .contains("\n" + LINK_BASE + token + "\n")
                .contains("gültig bis 30.11.2026, 10:15 Uhr UTC");
        assertThat(Bell.awaitEntry(http, accountId, "ACCOUNT_APPROVED")
                        .path("title")
                        .asString())
                .isEqualTo("Business Account freigeschaltet");
    }

    @Test
    void passwordResetIssued_sendsExactlyOneMailWithTheResetLink_andNoBellEntry_evenWhenDeliveredTwice() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Ada Lumen", "Lumen Studio Ltd", "en");
        String token = token();
        String ceId = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates(PasswordResetIssuedV2.TYPE);
        PasswordResetIssuedV2 reset = new PasswordResetIssuedV2(
                accountId, email, "en", Sealed.byAccount(token, PasswordResetIssuedV2.TYPE, ceId), EXPIRES);

        send(accountId, ceId, PasswordResetIssuedV2.TYPE, reset);

        CapturedMail mail = MAIL.awaitMail(email, "Reset your Canon Business Account password");
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.to()).containsExactly(email);
        assertThat(text(mail))
                .startsWith("Dear Ada Lumen,")
                .contains("reset the password of the Canon Business Account for Lumen Studio Ltd.")
                .contains("\n" + RESET_LINK_BASE + token + "\n")
                .contains("valid until 30/11/2026 10:15 UTC")
                .doesNotContain("/set-password");
        assertThat(Mailbox.html(MAIL.received(email, "Reset your Canon Business Account password")))
                .contains("<a href=\"" + RESET_LINK_BASE + token + "\"")
                .contains(">Choose a new password</a>");

        send(accountId, ceId, PasswordResetIssuedV2.TYPE, reset);

        await().atMost(DELIVERED).until(() -> duplicates(PasswordResetIssuedV2.TYPE) >= duplicatesBefore + 1);
        assertThat(MAIL.to(email, "Reset your Canon Business Account password")).hasSize(1);
        assertThat(Bell.entries(http, accountId))
                .as("only the application-received entry: a reset link belongs in the mailbox only")
                .extracting(e -> e.path("type").asString())
                .containsExactly("APPLICATION_RECEIVED");
        assertLinkRedacted(accountId, "password-reset", token);
    }

    @Test
    void passwordResetIssued_inGerman() {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Max Muster", "Muster GmbH", "de");
        String token = token();

        String ceId = UUID.randomUUID().toString();
        send(
                accountId,
                ceId,
                PasswordResetIssuedV2.TYPE,
                new PasswordResetIssuedV2(
                        accountId, email, "de", Sealed.byAccount(token, PasswordResetIssuedV2.TYPE, ceId), EXPIRES));

        CapturedMail mail = MAIL.awaitMail(email, "Setze das Passwort deines Canon Business Accounts zurück");
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(text(mail))
                .startsWith("Hallo Max Muster,")
                .contains("das Passwort des Canon Business Accounts für Muster GmbH zurückzusetzen.")
                .contains("\n" + RESET_LINK_BASE + token + "\n")
                .contains("gültig bis 30.11.2026, 10:15 Uhr UTC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void accountRejected_sendsTheReason_andNoLink(String language) {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Ada Lumen", "Lumen Studio Ltd", language);
        String reason = "The invoice does not show the company name";

        send(
                accountId,
                UUID.randomUUID().toString(),
                AccountRejected.TYPE,
                new AccountRejected(accountId, reason, Instant.now()));

        boolean de = language.equals("de");
        CapturedMail mail = MAIL.awaitMail(
                email,
                de
                        ? "Dein Antrag auf einen Business Account wurde abgelehnt"
                        : "Your Business Account application was not approved");
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(text(mail))
                .startsWith(de ? "Hallo Ada Lumen," : "Dear Ada Lumen,")
                .contains((de ? "Begründung: " : "Reason: ") + reason)
                .doesNotContain("set-password")
                .doesNotContain("token")
                .doesNotContain("http");
        assertThat(Bell.awaitEntry(http, accountId, "APPLICATION_REJECTED")
                        .path("title")
                        .asString())
                .isEqualTo(de ? "Antrag abgelehnt" : "Application not approved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void infoRequested_withoutALink_sendsWhatIsNeeded_once(String language) {
        String accountId = UUID.randomUUID().toString();
        String email = applicant(accountId, "Ada Lumen", "Lumen Studio Ltd", language);
        String reason = "Please upload an invoice not older than 3 months";

        // account-service's record of the request writes nothing; verification-service's (here one published before
        // requests had an answer link) writes the e-mail
        send(
                accountId,
                UUID.randomUUID().toString(),
                AccountInfoRequested.TYPE,
                new AccountInfoRequested(accountId, reason, Instant.now()));
        KafkaTestClient.send(
                "cps.verification.events",
                accountId,
                UUID.randomUUID().toString(),
                VerificationInfoRequestedV2.TYPE,
                HttpTestClient.json(new VerificationInfoRequestedV2(
                        accountId, "case-" + accountId, reason, Instant.now(), null, null)));

        boolean de = language.equals("de");
        CapturedMail mail = MAIL.awaitMail(
                email,
                de
                        ? "Wir benötigen weitere Informationen zu deinem Antrag auf einen Business Account"
                        : "We need more information about your Business Account application");
        assertThat(text(mail))
                .startsWith(de ? "Hallo Ada Lumen," : "Dear Ada Lumen,")
                .contains(de ? "benötigen wir weitere Informationen:" : "we need more information:")
                .contains("\n" + reason + "\n")
                .doesNotContain("set-password")
                .doesNotContain("token=");
        assertThat(MAIL.to(mail.to().get(0), mail.subject())).hasSize(1);
        assertThat(Bell.awaitEntry(http, accountId, "INFORMATION_REQUESTED")
                        .path("title")
                        .asString())
                .isEqualTo(de ? "Weitere Informationen benötigt" : "More information needed");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Registers the applicant as account-service's first event does, and waits for the "received" mail. */
    private String applicant(String accountId, String contact, String company, String language) {
        String email = "applicant." + accountId + "@lumen.example";
        send(
                accountId,
                UUID.randomUUID().toString(),
                AccountApplicationSubmitted.TYPE,
                new AccountApplicationSubmitted(
                        accountId,
                        company,
                        new Address("1 High St", "SW1A 1AA", "London", "GB"),
                        "GB",
                        contact,
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

    /** The sent mail's link is not kept in the send log: neither its text nor its HTML part. */
    private void assertLinkRedacted(String accountId, String kind, String token) {
        await().atMost(DELIVERED)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT body FROM outbound_mail WHERE account_id = ? AND kind = ? AND status = 'SENT'",
                                String.class,
                                accountId,
                                kind))
                        .as("the sent link is not kept in the send log")
                        .doesNotContain(token)
                        .isEqualTo(MailDispatcher.REDACTED));
        assertThat(jdbc.queryForObject(
                        "SELECT html_body FROM outbound_mail WHERE account_id = ? AND kind = ?",
                        String.class,
                        accountId,
                        kind))
                .as("nor in the HTML part")
                .doesNotContain(token)
                .isEqualTo(MailDispatcher.REDACTED);
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "") + "_-x";
    }

    private static void send(String accountId, String ceId, String type, Object payload) {
        KafkaTestClient.send(TOPIC, accountId, ceId, type, HttpTestClient.json(payload));
    }

    private double duplicates(String type) {
        return meters
                .find("cps.events.consumed")
                .tag("consumer", "accountEvents")
                .tag("type", type)
                .tag("outcome", "duplicate")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
