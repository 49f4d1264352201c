package com.canon.cps.notification;

import static com.canon.cps.platform.test.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.billing.contract.Address;
import com.canon.cps.billing.contract.InvoiceDocument;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceLine;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.Money;
import com.canon.cps.billing.contract.Party;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.contract.PaymentInstructions;
import com.canon.cps.billing.contract.PaymentMethodVerificationFailed;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.CpsServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.Mailbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * notification-service consuming {@code cps.billing.events} (and the renewal and expiry of {@code
 * cps.membership.events}) through the real broker and SMTP server: the issued invoice with its PDF attached and how to
 * pay it, failed payments, overdue invoices, the upcoming renewal and the expired membership, in the account's
 * language, each once per source event with a bell entry; a damaged invoice PDF is dead-lettered, never mailed.
 */
@CpsServiceTest
class BillingNotificationIT {

    private static final Mailbox MAIL = Mailbox.shared();

    private static final String BILLING = "cps.billing.events";
    private static final String MEMBERSHIP = "cps.membership.events";
    private static final String DEAD_LETTERS = "cps.billing.events.notification-service.dlt";
    private static final String SENDER = "donotreply@canon-europe.com";
    private static final Duration DELIVERED = Duration.ofSeconds(30);
    /** Long enough for the binder's retries with back-off before the record is dead-lettered. */
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    private static final LocalDate ISSUED = LocalDate.parse("2026-11-27");
    private static final LocalDate DUE = LocalDate.parse("2026-12-27");
    private static final String IBAN = "GB33BUKB20201555555555";
    private static final String BIC = "BUKBGB22";
    private static final String RF = "RF18539007547034";

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
    void bankTransferInvoice_inEnglish_carriesThePdfAndThePaymentInstructions_once_evenWhenDeliveredTwice() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Ada Lumen", "Lumen Studio Ltd", "en");
        byte[] pdf = pdf(1);
        String ceId = UUID.randomUUID().toString();
        String number = "CPS-GB-2026-000123";
        InvoiceIssued issued = invoiceIssued(account, number, gbp("102.00"), "BANK_TRANSFER", "PO-7781", pdf);
        String invoice = json(issued);
        double duplicatesBefore = duplicates(InvoiceIssued.TYPE);

        KafkaTestClient.send(BILLING, account, ceId, InvoiceIssued.TYPE, invoice);

        String subject = "Your Canon Professional Services invoice " + number;
        CapturedMail mail = MAIL.awaitOnlyMail(email, subject);
        assertThat(mail.from()).isEqualTo(SENDER);
        assertThat(mail.to()).containsExactly(email);
        assertThat(text(mail))
                .startsWith("Dear Ada Lumen,")
                .contains("Attached is invoice " + number + " for Lumen Studio Ltd.")
                .contains("Invoice number: " + number + "\n")
                .contains("Amount due: £102.00\n")
                .contains("Due date: 27/12/2026\n")
                .contains("Purchase order number: PO-7781\n")
                .contains("Please pay by bank transfer by 27/12/2026 to:")
                .contains("Account holder: Canon Europe Ltd\n")
                .contains("IBAN: " + IBAN + "\n")
                .contains("BIC: " + BIC + "\n")
                .contains("Payment reference: " + RF + "\n")
                .contains("Additional bank charges may apply.")
                .doesNotContain("card");
        Attachment attached = attachmentOf(MAIL.received(email, subject));
        assertThat(attached.fileName()).isEqualTo(number + ".pdf");
        assertThat(attached.contentType()).startsWith("application/pdf");
        assertThat(attached.content()).isEqualTo(pdf);
        String invoicePage = "http://localhost:8080/invoices/" + issued.invoiceId();
        assertThat(text(mail)).contains("\n\nView the invoice: " + invoicePage + "\n\nCanon Professional Services");
        assertThat(Mailbox.alternatives(MAIL.received(email, subject))).containsExactly("text/plain", "text/html");
        assertThat(Mailbox.html(MAIL.received(email, subject)))
                .contains("Attached is invoice " + number + " for Lumen Studio Ltd.")
                .contains("Amount due: £102.00<br>")
                .contains("IBAN: " + IBAN + "<br>")
                .contains("<a href=\"" + invoicePage + "\"")
                .contains(">View the invoice</a>");
        assertThat(Bell.awaitEntry(http, account, "INVOICE_ISSUED")
                        .path("title")
                        .asString())
                .isEqualTo("New invoice");

        KafkaTestClient.send(BILLING, account, ceId, InvoiceIssued.TYPE, invoice);

        await().atMost(DELIVERED).until(() -> duplicates(InvoiceIssued.TYPE) >= duplicatesBefore + 1);
        assertThat(MAIL.to(email, subject)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE account_id = ? AND kind = 'invoice-issued'",
                        Long.class,
                        account))
                .isEqualTo(1);
        assertThat(Bell.entries(http, account))
                .filteredOn(e -> e.path("type").asString().equals("INVOICE_ISSUED"))
                .hasSize(1);
    }

    @Test
    void cardInvoice_inGerman_isChargedOnTheDueDate() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Max Muster", "Muster GmbH", "de");
        byte[] pdf = pdf(2);
        String number = "CPS-DE-2026-000042";

        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                InvoiceIssued.TYPE,
                json(invoiceIssued(account, number, new Money("119.00", "EUR"), "CARD", null, pdf)));

        String subject = "Deine Rechnung " + number + " von Canon Professional Services";
        CapturedMail mail = MAIL.awaitOnlyMail(email, subject);
        assertThat(text(mail))
                .startsWith("Hallo Max Muster,")
                .contains("Im Anhang findest du die Rechnung " + number + " für Muster GmbH.")
                .contains("Rechnungsbetrag: 119,00 €\n")
                .contains("Fällig am: 27.12.2026\n\n")
                .contains("Der Betrag wird am Fälligkeitstag, dem 27.12.2026, von deiner Karte abgebucht.")
                .doesNotContain("Bestellnummer")
                .doesNotContain("IBAN")
                .doesNotContain("null");
        Attachment attached = attachmentOf(MAIL.received(email, subject));
        assertThat(attached.fileName()).isEqualTo(number + ".pdf");
        assertThat(attached.content()).isEqualTo(pdf);
        assertThat(Bell.awaitEntry(http, account, "INVOICE_ISSUED")
                        .path("title")
                        .asString())
                .isEqualTo("Neue Rechnung");
    }

    @Test
    void failedCardVerification_andFailedCharge_areBothPaymentFailedNotifications() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Ada Lumen", "Lumen Studio Ltd", "en");

        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                PaymentMethodVerificationFailed.TYPE,
                json(new PaymentMethodVerificationFailed(
                        account, UUID.randomUUID().toString(), "tok_ref_1", "DECLINED", Instant.now())));
        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                PaymentFailed.TYPE,
                json(new PaymentFailed(
                        account,
                        UUID.randomUUID().toString(),
                        "CPS-GB-2026-000124",
                        gbp("102.00"),
                        "AUTHENTICATION_REQUIRED",
                        1,
                        LocalDate.parse("2027-01-03"),
                        Instant.now())));

        assertThat(text(MAIL.awaitOnlyMail(email, "We could not verify your card")))
                .startsWith("Dear Ada Lumen,")
                .contains("the card given for the CPS subscription of Lumen Studio Ltd could not be verified:"
                        + " the card was declined.")
                .contains("the invoice for your order stays open")
                .contains("contact Canon Professional Services support")
                .contains("with another card or by bank transfer");
        assertThat(text(MAIL.awaitOnlyMail(email, "Payment for invoice CPS-GB-2026-000124 failed")))
                .contains("we could not charge £102.00 for invoice CPS-GB-2026-000124 to the card of Lumen Studio Ltd:"
                        + " the card issuer requires the payment to be authenticated")
                .contains("The invoice stays open. We will try again on 03/01/2027.");
        JsonNode bell = await().atMost(DELIVERED)
                .until(
                        () -> Bell.entries(http, account),
                        b -> b.findValuesAsString("type").stream()
                                        .filter("PAYMENT_FAILED"::equals)
                                        .count()
                                == 2);
        assertThat(bell.findValuesAsString("title")).contains("Card not verified", "Payment failed");
    }

    @Test
    void overdueBankTransferInvoice_inEnglish_inSwissFrancs() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Heidi Berg", "Berg Foto AG", "en");

        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                InvoiceOverdue.TYPE,
                json(new InvoiceOverdue(
                        account,
                        UUID.randomUUID().toString(),
                        "CPS-CH-2026-000007",
                        new Money("95.00", "CHF"),
                        DUE,
                        "BANK_TRANSFER",
                        RF,
                        Instant.now())));

        assertThat(text(MAIL.awaitOnlyMail(email, "Invoice CPS-CH-2026-000007 is overdue")))
                .startsWith("Dear Heidi Berg,")
                .contains("invoice CPS-CH-2026-000007 for Berg Foto AG (CHF 95.00) was due on 27/12/2026"
                        + " and has not been paid yet.")
                .contains("quoting the payment reference " + RF + ". Additional bank charges may apply.");
        assertThat(Bell.awaitEntry(http, account, "INVOICE_OVERDUE")
                        .path("title")
                        .asString())
                .isEqualTo("Invoice overdue");
    }

    @Test
    void failedChargeWithoutNextAttempt_andOverdueCardInvoice_inGerman() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Max Muster", "Muster GmbH", "de");
        String number = "CPS-DE-2026-000043";

        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                PaymentFailed.TYPE,
                json(new PaymentFailed(
                        account,
                        UUID.randomUUID().toString(),
                        number,
                        new Money("1190.00", "EUR"),
                        "DECLINED",
                        3,
                        null,
                        Instant.now())));
        KafkaTestClient.send(
                BILLING,
                account,
                UUID.randomUUID().toString(),
                InvoiceOverdue.TYPE,
                json(new InvoiceOverdue(
                        account,
                        UUID.randomUUID().toString(),
                        number,
                        new Money("1190.00", "EUR"),
                        DUE,
                        "CARD",
                        null,
                        Instant.now())));

        assertThat(text(MAIL.awaitOnlyMail(email, "Zahlung für Rechnung " + number + " fehlgeschlagen")))
                .startsWith("Hallo Max Muster,")
                .contains("wir konnten 1.190,00 € für die Rechnung " + number
                        + " an Muster GmbH nicht von deiner Karte abbuchen: die Karte wurde abgelehnt.")
                .contains("Die Rechnung bleibt offen. Einen weiteren automatischen Versuch gibt es nicht.");
        assertThat(text(MAIL.awaitOnlyMail(email, "Rechnung " + number + " ist überfällig")))
                .contains("die Rechnung " + number + " an Muster GmbH über 1.190,00 € war am 27.12.2026 fällig")
                .contains("Wir konnten den Betrag nicht von deiner Karte abbuchen.")
                .doesNotContain("null");
        JsonNode bell = await().atMost(DELIVERED)
                .until(() -> Bell.entries(http, account), b -> b.size() == 3); // with "application received"
        assertThat(bell.findValuesAsString("title")).contains("Zahlung fehlgeschlagen", "Rechnung überfällig");
    }

    @Test
    void renewalOrder_announcesTheRenewal_firstOrderSaysNothing_andExpiryIsAnnounced() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Max Muster", "Muster GmbH", "de");
        String firstOrder = UUID.randomUUID().toString();

        KafkaTestClient.send(
                MEMBERSHIP,
                account,
                firstOrder,
                SubscriptionOrdered.TYPE,
                json(subscriptionOrdered(account, LocalDate.parse("2026-09-20"), false)));
        KafkaTestClient.send(
                MEMBERSHIP,
                account,
                UUID.randomUUID().toString(),
                SubscriptionOrdered.TYPE,
                json(subscriptionOrdered(account, LocalDate.parse("2027-09-20"), true)));
        KafkaTestClient.send(
                MEMBERSHIP,
                account,
                UUID.randomUUID().toString(),
                MembershipExpired.TYPE,
                json(new MembershipExpired(account, "123456789", LocalDate.parse("2028-09-19"), Instant.now())));

        assertThat(text(MAIL.awaitOnlyMail(email, "Deine CPS-Mitgliedschaft wird verlängert")))
                .startsWith("Hallo Max Muster,")
                .contains("die Gold-Mitgliedschaft von Muster GmbH bei Canon Professional Services wird verlängert:"
                        + " Die neue Laufzeit beginnt am 20.09.2027.")
                .contains("„Abonnement verwalten“");
        assertThat(text(MAIL.awaitOnlyMail(email, "Deine CPS-Mitgliedschaft ist abgelaufen")))
                .contains("die Mitgliedschaft von Muster GmbH bei Canon Professional Services"
                        + " (Mitgliedsnummer 123456789) ist am 19.09.2028 abgelaufen.");

        // the first order came before both on the same partition: handled, and it queued nothing
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_message WHERE consumer = 'membershipEvents' AND message_id = ?",
                        Long.class,
                        firstOrder))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT kind FROM outbound_mail WHERE account_id = ?", String.class, account))
                .containsExactlyInAnyOrder("application-received", "renewal-upcoming", "membership-expired");
        assertThat(MAIL.to(email)).hasSize(3);
        JsonNode bell = await().atMost(DELIVERED).until(() -> Bell.entries(http, account), b -> b.size() == 3);
        assertThat(bell.findValuesAsString("type"))
                .containsExactlyInAnyOrder("APPLICATION_RECEIVED", "RENEWAL_UPCOMING", "MEMBERSHIP_EXPIRED");
        assertThat(bell.findValuesAsString("title")).contains("Verlängerung steht an", "Mitgliedschaft abgelaufen");
    }

    @Test
    void invoiceWhosePdfDoesNotMatchItsChecksum_isDeadLettered_notMailed_andLaterRecordsStillFlow() {
        String account = UUID.randomUUID().toString();
        String email = applicant(account, "Ada Lumen", "Lumen Studio Ltd", "en");
        String damagedId = UUID.randomUUID().toString();
        InvoiceIssued good = invoiceIssued(account, "CPS-GB-2026-000200", gbp("102.00"), "CARD", null, pdf(3));
        byte[] other = pdf(4);
        InvoiceIssued damaged = withDocument(
                invoiceIssued(account, "CPS-GB-2026-000199", gbp("102.00"), "CARD", null, pdf(3)),
                new InvoiceDocument(
                        "CPS-GB-2026-000199.pdf",
                        "application/pdf",
                        Base64.getEncoder().encodeToString(other),
                        good.document().sha256()));

        KafkaTestClient.send(BILLING, account, damagedId, InvoiceIssued.TYPE, json(damaged));
        KafkaTestClient.send(BILLING, account, UUID.randomUUID().toString(), InvoiceIssued.TYPE, json(good));

        var dead = KafkaTestClient.readUntil(
                DEAD_LETTERS, r -> damagedId.equals(KafkaTestClient.header(r, "ce_id")), DEAD_LETTERED);
        assertThat(dead).as("dead-lettered").anyMatch(r -> damagedId.equals(KafkaTestClient.header(r, "ce_id")));
        MAIL.awaitOnlyMail(email, "Your Canon Professional Services invoice CPS-GB-2026-000200");
        assertThat(MAIL.to(email, "Your Canon Professional Services invoice CPS-GB-2026-000199"))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbound_mail WHERE source_event_id = ?", Long.class, damagedId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_message WHERE consumer = 'billingEvents' AND message_id = ?",
                        Long.class,
                        damagedId))
                .as("rolled back with the failed handler")
                .isZero();
    }

    // ---- events -----------------------------------------------------------------------------------------------------

    private static InvoiceIssued invoiceIssued(
            String account, String number, Money gross, String method, String purchaseOrder, byte[] pdf) {
        boolean bank = method.equals("BANK_TRANSFER");
        Money net = new Money(gross.amount(), gross.currency());
        return new InvoiceIssued(
                account,
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                number,
                number.substring(0, number.lastIndexOf('-')),
                ISSUED,
                DUE,
                new Party("Canon Europe Ltd", new Address("4 Roundwood Ave", "UB11 1AF", "Uxbridge", "GB"), null),
                new Party("Buyer", new Address("1 High St", "SW1A 1AA", "London", "GB"), null),
                "en",
                List.of(new InvoiceLine(
                        "Canon Professional Services : Silver", "SILVER", ISSUED, ISSUED.plusYears(1), net)),
                net,
                "0.00",
                new Money("0.00", gross.currency()),
                gross,
                "NON_EU",
                null,
                purchaseOrder,
                method,
                bank ? RF : null,
                bank
                        ? new PaymentInstructions(
                                method, "Canon Europe Ltd", IBAN, BIC, RF, "Additional bank charges may apply.")
                        : new PaymentInstructions(method, null, null, null, null, null),
                new InvoiceDocument(
                        number + ".pdf",
                        "application/pdf",
                        Base64.getEncoder().encodeToString(pdf),
                        HexFormat.of().formatHex(sha256(pdf))),
                Instant.now());
    }

    private static InvoiceIssued withDocument(InvoiceIssued i, InvoiceDocument document) {
        return new InvoiceIssued(
                i.accountId(),
                i.invoiceId(),
                i.subscriptionId(),
                i.number(),
                i.series(),
                i.issueDate(),
                i.dueDate(),
                i.seller(),
                i.buyer(),
                i.language(),
                i.lines(),
                i.net(),
                i.vatRate(),
                i.vat(),
                i.gross(),
                i.vatTreatment(),
                i.vatNote(),
                i.purchaseOrderNumber(),
                i.paymentMethod(),
                i.paymentReference(),
                i.paymentInstructions(),
                document,
                i.issuedAt());
    }

    private static SubscriptionOrdered subscriptionOrdered(String account, LocalDate termStartsOn, boolean renewal) {
        return new SubscriptionOrdered(
                account,
                UUID.randomUUID().toString(),
                "GOLD",
                new com.canon.cps.membership.contract.Money("200.00", "EUR"),
                "P1Y",
                termStartsOn,
                true,
                null,
                "2024-01",
                "BANK_TRANSFER",
                null,
                renewal,
                Instant.now());
    }

    private static Money gbp(String amount) {
        return new Money(amount, "GBP");
    }

    /** A small file that starts like a PDF and holds every byte value, so any text-mode mangling shows. */
    private static byte[] pdf(long seed) {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[4096];
        new Random(seed).nextBytes(body);
        for (int b = 0; b < 256; b++) {
            body[b] = (byte) b;
        }
        byte[] pdf = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, pdf, header.length, body.length);
        return pdf;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object payload) {
        return HttpTestClient.json(payload);
    }

    /** The application (which names the recipient) is handled before billing events, as in the real journey. */
    private String applicant(String account, String contact, String company, String language) {
        String email = "member." + account + "@example.com";
        KafkaTestClient.send(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountApplicationSubmitted.TYPE,
                json(new AccountApplicationSubmitted(
                        account,
                        company,
                        new com.canon.cps.account.contract.Address("1 High St", "SW1A 1AA", "London", "GB"),
                        "GB",
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
        return email;
    }

    // ---- mail and bell ----------------------------------------------------------------------------------------------

    private record Attachment(String fileName, String contentType, byte[] content) {}

    private static Attachment attachmentOf(MimeMessage message) {
        try {
            assertThat(message.isMimeType("multipart/mixed"))
                    .as(message.getContentType())
                    .isTrue();
            Multipart parts = (Multipart) message.getContent();
            List<Attachment> attachments = new ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    attachments.add(new Attachment(
                            part.getFileName(),
                            part.getContentType(),
                            part.getInputStream().readAllBytes()));
                }
            }
            assertThat(attachments).hasSize(1);
            return attachments.get(0);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private double duplicates(String type) {
        return meters
                .find("cps.events.consumed")
                .tag("consumer", "billingEvents")
                .tag("type", type)
                .tag("outcome", "duplicate")
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
