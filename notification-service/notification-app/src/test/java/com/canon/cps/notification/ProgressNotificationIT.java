package com.canon.cps.notification;

import static com.canon.cps.platform.test.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceDocument;
import com.canon.cps.billing.contract.InvoiceLine;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.Money;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentMethodChangeDeclined;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.product.contract.ProductStillIncomplete;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The member's progress and the unhappy paths after checkout, through the real broker and SMTP server: points credited
 * ({@code cps.points.events}), a registration still incomplete after 30 days ({@code cps.product.events}), a payment
 * received, an invoice paid, a credit note with its PDF, a new card declined ({@code cps.billing.events}), and the
 * membership suspended and active again ({@code cps.membership.events}): each in the account's language (DE/EN),
 * multipart with its HTML part, with a bell entry, at most once per source event.
 */
@CpsServiceTest
class ProgressNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final Duration DELIVERED = Duration.ofSeconds(30);

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
    void pointsCredited_inEnglish_once_butNotForRemovedOrMigratedPoints() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "en");
        String ceId = UUID.randomUUID().toString();
        String credited = HttpTestClient.json(new PointsBalanceChanged(
                account, 250, 2, Instant.now(), 235, "PRODUCT_COMPLETED", "p-1", "EOS-5D-MARK-III"));
        KafkaTestClient.send("cps.points.events", account, ceId, PointsBalanceChanged.TYPE, credited);
        KafkaTestClient.send("cps.points.events", account, ceId, PointsBalanceChanged.TYPE, credited);
        send(
                "cps.points.events",
                account,
                PointsBalanceChanged.TYPE,
                new PointsBalanceChanged(
                        account, 15, 1, Instant.now(), -235, "PRODUCT_DEREGISTERED", "p-1", "EOS-5D-MARK-III"));
        send(
                "cps.points.events",
                account,
                PointsBalanceChanged.TYPE,
                new PointsBalanceChanged(account, 265, 2, Instant.now(), 250, "PRODUCTS_MIGRATED", "p-2", "EOS-R5"));
        send(
                "cps.points.events",
                account,
                PointsBalanceChanged.TYPE,
                new PointsBalanceChanged(account, 515, 3, Instant.now()));

        CapturedMail mail = MAIL.awaitOnlyMail(email, "You were credited 235 CPS points");
        assertThat(text(mail))
                .startsWith("Dear Ada Lumen,")
                .contains("Lumen Studio Ltd was credited 235 points for completing the registration of the product"
                        + " EOS-5D-MARK-III.")
                .contains("The balance is now 250 points.")
                .contains("http://localhost:8080/products");
        assertThat(Mailbox.alternatives(MAIL.received(email, mail.subject())))
                .containsExactly("text/plain", "text/html");
        assertThat(Bell.awaitEntry(http, account, "POINTS_CREDITED")
                        .path("title")
                        .asString())
                .isEqualTo("Points credited");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(kinds(account)).filteredOn(k -> k.startsWith("points")).containsExactly("points-credited");
    }

    @Test
    void productStillIncomplete_inGerman_namesWhatIsMissing() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "de");
        send(
                "cps.product.events",
                account,
                ProductStillIncomplete.TYPE,
                new ProductStillIncomplete(
                        account,
                        "p-9",
                        "EOS-R5",
                        "EOS R5",
                        List.of("SERIAL_NUMBER", "DEALER"),
                        250,
                        Instant.now().minus(Duration.ofDays(30)),
                        Instant.now()));

        CapturedMail mail = MAIL.awaitOnlyMail(email, "Deine Registrierung von EOS R5 ist noch nicht vollständig");
        assertThat(text(mail))
                .startsWith("Hallo Ada Lumen,")
                .contains("bringt daher ihre 250 Punkte noch nicht ein")
                .contains("Es fehlen noch: Seriennummer, Händler")
                .contains("MEINE PRODUKTE");
        assertThat(Bell.awaitEntry(http, account, "PRODUCT_INCOMPLETE")
                        .path("title")
                        .asString())
                .isEqualTo("Produktregistrierung unvollständig");
    }

    @Test
    void paymentCaptured_andInvoicePaid_areEachAnnouncedOnce() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "en");
        String invoiceId = UUID.randomUUID().toString();
        send(
                "cps.billing.events",
                account,
                PaymentCaptured.TYPE,
                new PaymentCaptured(
                        account, invoiceId, "CPS-GB-2026-000321", gbp("102.00"), "CARD", "ch_1", Instant.now()));
        send(
                "cps.billing.events",
                account,
                InvoicePaid.TYPE,
                new InvoicePaid(
                        account,
                        invoiceId,
                        "CPS-GB-2026-000321",
                        "CARD",
                        LocalDate.parse("2026-12-27"),
                        Instant.now()));

        assertThat(text(MAIL.awaitOnlyMail(email, "We received your payment of £102.00")))
                .contains("we received £102.00 from Lumen Studio Ltd for invoice CPS-GB-2026-000321 (charged to your"
                        + " card).")
                .contains("http://localhost:8080/invoices/" + invoiceId);
        assertThat(text(MAIL.awaitOnlyMail(email, "Invoice CPS-GB-2026-000321 is paid")))
                .contains("was paid in full on 27/12/2026");
        Bell.awaitEntry(http, account, "PAYMENT_CAPTURED");
        Bell.awaitEntry(http, account, "INVOICE_PAID");
    }

    @Test
    void creditNote_inGerman_carriesItsPdf_andSaysHowTheMoneyGoesBack() throws Exception {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "de");
        byte[] pdf = new byte[2048];
        new java.util.Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        String number = "CN-DE-2027-000004";
        send("cps.billing.events", account, CreditNoteIssued.TYPE, creditNote(account, number, pdf));

        String subject = "Gutschrift " + number + " zur Rechnung CPS-DE-2026-000042";
        assertThat(text(MAIL.awaitOnlyMail(email, subject)))
                .contains("wir haben Lumen Studio Ltd die Gutschrift " + number + " zur Rechnung CPS-DE-2026-000042")
                .contains("Gutgeschriebener Betrag: 119,00 €")
                .contains("Grund: Bestellung storniert")
                .contains("Wir erstatten 119,00 € auf die Karte");
        MimeMessage message = MAIL.received(email, subject);
        assertThat(attachment(message)).isEqualTo(pdf);
        assertThat(Bell.awaitEntry(http, account, "CREDIT_NOTE_ISSUED")
                        .path("title")
                        .asString())
                .isEqualTo("Gutschrift erstellt");
    }

    @Test
    void aDeclinedNewCard_isExplained_andTheOldCardStays() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "en");
        send(
                "cps.billing.events",
                account,
                PaymentMethodChangeDeclined.TYPE,
                new PaymentMethodChangeDeclined(
                        account, UUID.randomUUID().toString(), "tok_decline_verify", "DECLINED", Instant.now()));

        assertThat(text(MAIL.awaitOnlyMail(email, "Your new card could not be verified")))
                .contains("could not be verified: the card was declined.")
                .contains("the card given before is still used for your payments")
                .contains("http://localhost:8080/subscriptions");
        Bell.awaitEntry(http, account, "CARD_CHANGE_DECLINED");
    }

    @Test
    void membershipSuspended_andActiveAgain_inEnglish() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "en");
        String invoiceId = UUID.randomUUID().toString();
        send(
                "cps.membership.events",
                account,
                MembershipSuspended.TYPE,
                new MembershipSuspended(
                        account,
                        "417305962",
                        invoiceId,
                        "CPS-GB-2026-000123",
                        "UNPAID_INVOICE",
                        LocalDate.now(),
                        Instant.now()));
        send(
                "cps.membership.events",
                account,
                MembershipReactivated.TYPE,
                new MembershipReactivated(account, "417305962", invoiceId, "INVOICE_PAID", Instant.now()));

        assertThat(text(MAIL.awaitOnlyMail(email, "Your CPS membership is suspended")))
                .contains("(membership number 417305962) is suspended because invoice CPS-GB-2026-000123 is still"
                        + " unpaid")
                .contains("http://localhost:8080/invoices/" + invoiceId);
        assertThat(text(MAIL.awaitOnlyMail(email, "Your CPS membership is active again")))
                .contains("(membership number 417305962) is active again");
        Bell.awaitEntry(http, account, "MEMBERSHIP_SUSPENDED");
        Bell.awaitEntry(http, account, "MEMBERSHIP_REACTIVATED");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static CreditNoteIssued creditNote(String account, String number, byte[] pdf) throws Exception {
        com.canon.cps.billing.contract.Party party = new com.canon.cps.billing.contract.Party(
                "Lumen Studio Ltd",
                new com.canon.cps.billing.contract.Address("1 High St", "10115", "Berlin", "DE"),
                null);
        Money gross = new Money("119.00", "EUR");
        return new CreditNoteIssued(
                account,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "CPS-DE-2026-000042",
                LocalDate.parse("2026-11-27"),
                number,
                "CN-DE-2027",
                LocalDate.parse("2027-01-15"),
                party,
                party,
                "de",
                "Bestellung storniert",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver",
                        "SILVER",
                        LocalDate.parse("2026-11-27"),
                        LocalDate.parse("2027-11-26"),
                        new Money("100.00", "EUR"))),
                new Money("100.00", "EUR"),
                "19.00",
                new Money("19.00", "EUR"),
                gross,
                "DOMESTIC",
                null,
                gross,
                "CREDITED",
                "CARD",
                new InvoiceDocument(
                        number + ".pdf",
                        "application/pdf",
                        Base64.getEncoder().encodeToString(pdf),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))),
                Instant.now());
    }

    private static Money gbp(String amount) {
        return new Money(amount, "GBP");
    }

    private static void send(String topic, String account, String type, Object payload) {
        KafkaTestClient.send(topic, account, UUID.randomUUID().toString(), type, HttpTestClient.json(payload));
    }

    /** The application (which names the recipient), as account-service publishes it: JSON of the fields it reads. */
    private String applicant(String account, String language) {
        String email = "progress." + account + "@example.com";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account);
        data.put("companyName", "Lumen Studio Ltd");
        data.put("address", Map.of("line1", "1 High St", "postalCode", "SW1A 1AA", "city", "London", "country", "GB"));
        data.put("country", "GB");
        data.put("contactName", "Ada Lumen");
        data.put("contactEmail", email);
        data.put("language", language);
        data.put("vatLiable", false);
        data.put("vatId", null);
        data.put("documentIds", List.of("doc-1"));
        data.put("legacyCpsEmailProvided", false);
        data.put("submittedAt", Instant.now().toString());
        KafkaTestClient.send(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                "cps.account.AccountApplicationSubmitted.v1",
                HttpTestClient.json(data));
        await().atMost(DELIVERED)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM recipient WHERE account_id = ?", Long.class, account)
                                == 1);
        return email;
    }

    private List<String> kinds(String account) {
        return jdbc.queryForList(
                "SELECT kind FROM outbound_mail WHERE account_id = ? ORDER BY kind", String.class, account);
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment");
    }
}
