package com.canon.cps.billing.invoice;

import static com.canon.cps.billing.invoice.Published.published;
import static com.canon.cps.billing.invoice.Published.publishedCount;
import static com.canon.cps.platform.test.Problems.assertFieldError;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.billing.BillingServiceTest;
import com.canon.cps.billing.Upstream;
import com.canon.cps.billing.contract.CreditNoteIssued;
import com.canon.cps.billing.contract.InvoiceDunningExhausted;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.contract.PaymentMethodChangeDeclined;
import com.canon.cps.billing.contract.PaymentMethodChanged;
import com.canon.cps.billing.contract.PaymentRefunded;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing corrections and the unhappy paths after the invoice, end to end through the real broker: credit notes
 * issued by an operator (own gapless series, PDF, refund through the gateway simulator), the last dunning step, and a
 * member's new card verified and charged for an invoice whose retries were used up.
 */
@BillingServiceTest
class CorrectionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "cps.billing.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    @Autowired
    JdbcTemplate jdbc;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        startAtNoon();
    }

    // ---- credit notes ----------------------------------------------------------------------------------------------

    @Test
    void aPaidCardInvoice_creditedInFull_isCredited_refundedThroughTheGateway_withItsOwnNumberAndPdf()
            throws Exception {
        String account = buyer();
        InvoiceIssued invoice = issue(account, order(account, "CARD", "tok_visa"));
        clock.advance(Duration.ofDays(30));
        deadlines.fireDue();
        published(account, InvoicePaid.TYPE, InvoicePaid.class);
        PaymentCaptured captured = published(account, PaymentCaptured.TYPE, PaymentCaptured.class);
        awaitStatus(account, invoice.invoiceId(), "PAID");

        HttpTestClient.Response created = creditNote(invoice.invoiceId(), "{\"reason\": \"Order cancelled\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode note = created.json();
        String series = "CN-GB-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        assertThat(note.path("number").asString()).matches(series + "-\\d{6}");
        assertThat(note.path("invoiceNumber").asString()).isEqualTo(invoice.number());
        assertThat(note.path("gross").path("amount").asString()).isEqualTo("102.00");
        assertThat(note.path("net").path("amount").asString()).isEqualTo("85.00");
        assertThat(note.path("vat").path("amount").asString()).isEqualTo("17.00");
        assertThat(note.path("invoiceStatus").asString()).isEqualTo("CREDITED");
        assertThat(note.path("refund").path("method").asString()).isEqualTo("CARD");
        String creditNoteId = note.path("creditNoteId").asString();

        CreditNoteIssued issued = published(account, CreditNoteIssued.TYPE, CreditNoteIssued.class);
        assertThat(issued.number()).isEqualTo(note.path("number").asString());
        assertThat(issued.invoiceStatus()).isEqualTo("CREDITED");
        assertThat(issued.refundMethod()).isEqualTo("CARD");
        byte[] document = Base64.getDecoder().decode(issued.document().contentBase64());
        assertThat(text(document))
                .contains("Credit note", issued.number(), invoice.number(), "Order cancelled", "102.00");
        assertThat(new String(embeddedFile(document, "factur-x.xml"), StandardCharsets.UTF_8))
                .contains("<ram:TypeCode>381</ram:TypeCode>")
                .contains(invoice.number());
        PaymentRefunded refunded = published(account, PaymentRefunded.TYPE, PaymentRefunded.class);
        assertThat(refunded.creditNoteId()).isEqualTo(creditNoteId);
        assertThat(refunded.amount().amount()).isEqualTo("102.00");
        assertThat(refunded.gatewayReference()).startsWith("re_");
        assertThat(jdbc.queryForObject(
                        "SELECT charge_reference FROM payment_gateway_simulator_operation WHERE idempotency_key = ?",
                        String.class,
                        "refund:" + creditNoteId))
                .isEqualTo(captured.reference());

        JsonNode details = await().atMost(WAIT)
                .until(
                        () -> get("/api/invoices/" + invoice.invoiceId(), TestTokens.member(account), 200),
                        d -> d.path("creditNotes").size() == 1
                                && d.path("creditNotes")
                                        .get(0)
                                        .path("refund")
                                        .path("status")
                                        .asString()
                                        .equals("REFUNDED"));
        assertThat(details.path("status").asString()).isEqualTo("CREDITED");
        assertThat(details.path("credited").path("amount").asString()).isEqualTo("102.00");
        assertThat(details.path("amountDue").path("amount").asString()).isEqualTo("0.00");
        assertThat(details.path("creditNotes").get(0).path("number").asString()).isEqualTo(issued.number());
        assertThat(get("/api/invoices", TestTokens.member(account), 200)
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("CREDITED");

        String pdfPath = "/api/invoices/" + invoice.invoiceId() + "/credit-notes/" + creditNoteId + "/pdf";
        assertThat(details.path("creditNotes").get(0).path("pdf").asString()).isEqualTo(pdfPath);
        assertThat(bytes(pdfPath, TestTokens.member(account), 200)).isEqualTo(document);
        assertThat(bytes(pdfPath, TestTokens.operator(), 200)).isEqualTo(document);
        bytes(pdfPath, TestTokens.member(UUID.randomUUID().toString()), 404);
        bytes(
                "/api/invoices/" + invoice.invoiceId() + "/credit-notes/" + UUID.randomUUID() + "/pdf",
                TestTokens.member(account),
                404);

        // credited in full: nothing more to credit, and nothing stored for the refusal
        assertProblem(creditNote(invoice.invoiceId(), "{\"reason\": \"again\"}"), 409);
        assertThat(publishedCount(account, CreditNoteIssued.TYPE)).isEqualTo(1);
    }

    @Test
    void badCreditNoteRequests_areClearProblems_thatStoreNothing_andTakeNoNumber() {
        String account = buyer();
        InvoiceIssued invoice = issue(account, order(account, "BANK_TRANSFER", null));
        String path = "/api/billing/invoices/" + invoice.invoiceId() + "/credit-notes";

        assertThat(http.postJson(path, "{\"reason\": \"x\"}", TestTokens.member(account))
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson(path, "{\"reason\": \"x\"}", null).status()).isEqualTo(401);
        // credit notes are for BILLING (or ADMIN) operators (ADR 19)
        assertThat(http.postJson(
                                path, "{\"reason\": \"x\"}", TestTokens.operator("rita.reviewer@cps.local", "REVIEWER"))
                        .status())
                .isEqualTo(403);
        assertFieldError(creditNote(invoice.invoiceId(), "{}"), "reason");
        assertFieldError(creditNote(invoice.invoiceId(), "{\"reason\": \"  \"}"), "reason");
        assertFieldError(creditNote(invoice.invoiceId(), "{\"reason\": \"" + "x".repeat(501) + "\"}"), "reason");
        assertFieldError(
                creditNote(invoice.invoiceId(), "{\"reason\": \"Wrong price\", \"amount\": \"ten\"}"), "amount");
        assertFieldError(
                creditNote(invoice.invoiceId(), "{\"reason\": \"Wrong price\", \"amount\": \"1.234\"}"), "amount");
        assertFieldError(creditNote(invoice.invoiceId(), "{\"reason\": \"Wrong price\", \"amount\": \"0\"}"), "amount");
        assertFieldError(
                creditNote(invoice.invoiceId(), "{\"reason\": \"Wrong price\", \"amount\": \"102.01\"}"), "amount");
        assertProblem(creditNote(UUID.randomUUID().toString(), "{\"reason\": \"Wrong price\"}"), 404);
        assertProblem(creditNote("not-an-invoice", "{\"reason\": \"Wrong price\"}"), 404);
        assertThat(publishedCount(account, CreditNoteIssued.TYPE)).isZero();

        // a partial credit on an unpaid invoice: the rest stays due, nothing is refunded; the next number follows on
        HttpTestClient.Response first =
                creditNote(invoice.invoiceId(), "{\"reason\": \"Wrong price\", \"amount\": \"50.00\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("invoiceStatus").asString()).isEqualTo("OPEN");
        assertThat(first.json().path("refund").path("method").asString()).isEqualTo("NONE");
        assertThat(first.json().path("net").path("amount").asString()).isEqualTo("41.67");
        assertThat(first.json().path("vat").path("amount").asString()).isEqualTo("8.33");
        HttpTestClient.Response rest = creditNote(invoice.invoiceId(), "{\"reason\": \"Order cancelled\"}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().path("gross").path("amount").asString()).isEqualTo("52.00");
        assertThat(rest.json().path("creditedTotal").path("amount").asString()).isEqualTo("102.00");
        assertThat(rest.json().path("invoiceStatus").asString()).isEqualTo("CREDITED");
        assertThat(sequence(rest.json().path("number").asString()))
                .isEqualTo(sequence(first.json().path("number").asString()) + 1);
        // both in the audit trail, on the invoice with its account; the refusals recorded nothing
        JsonNode trail =
                get("/admin/audit?subject=" + invoice.invoiceId(), TestTokens.operator("reader@cps.local"), 200);
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).path("action").asString()).isEqualTo("CREDIT_NOTE_ISSUED");
        assertThat(trail.get(0).path("accountId").asString()).isEqualTo(account);
        assertThat(trail.get(0).path("details").path("number").asString())
                .isEqualTo(rest.json().path("number").asString());
        assertThat(trail.get(0).path("details").path("amount").asString()).isEqualTo("52.00");
        assertThat(trail.get(0).path("details").path("invoiceNumber").asString())
                .isEqualTo(invoice.number());
        assertThat(trail.get(1).path("details").path("reason").asString()).isEqualTo("Wrong price");
        assertThat(trail.get(1).path("operatorEmail").asString()).isEqualTo("bea.billing@cps.local");
        JsonNode details = await().atMost(WAIT)
                .until(
                        () -> get("/api/invoices/" + invoice.invoiceId(), TestTokens.member(account), 200),
                        d -> d.path("status").asString().equals("CREDITED"));
        assertThat(details.path("creditNotes").size()).isEqualTo(2);
        assertThat(details.path("creditNotes")
                        .get(0)
                        .path("refund")
                        .path("status")
                        .asString())
                .isEqualTo("NONE");
        // any operator reads the member's invoices, credited ones included (ADR 19), exactly as the member sees them
        String reader = TestTokens.operator("reader@cps.local");
        JsonNode ofMember = get("/api/invoices?accountId=" + account, reader, 200);
        assertThat(ofMember).isEqualTo(get("/api/invoices", TestTokens.member(account), 200));
        assertThat(ofMember.get(0).path("status").asString()).isEqualTo("CREDITED");
        get("/api/invoices", reader, 400);
        get("/api/invoices?accountId=" + account, TestTokens.member(account), 403);
    }

    // ---- dunning ---------------------------------------------------------------------------------------------------

    @Test
    void anInvoiceUnpaidAtTheLastDunningStep_isReportedOnce() {
        String account = buyer();
        InvoiceIssued invoice = issue(account, order(account, "BANK_TRANSFER", null));
        clock.advance(Duration.ofDays(31));
        deadlines.fireDue();
        published(account, InvoiceOverdue.TYPE, InvoiceOverdue.class);
        assertThat(publishedCount(account, InvoiceDunningExhausted.TYPE)).isZero();

        clock.advance(Duration.ofDays(13));
        deadlines.fireDue();
        InvoiceDunningExhausted exhausted =
                published(account, InvoiceDunningExhausted.TYPE, InvoiceDunningExhausted.class);
        assertThat(exhausted.invoiceId()).isEqualTo(invoice.invoiceId());
        assertThat(exhausted.amountDue().amount()).isEqualTo("102.00");
        assertThat(exhausted.dueDate()).isEqualTo(invoice.dueDate());
        assertThat(exhausted.paymentMethod()).isEqualTo("BANK_TRANSFER");
        deadlines.fireDue();
        assertThat(publishedCount(account, InvoiceDunningExhausted.TYPE)).isEqualTo(1);
        await().atMost(WAIT)
                .until(() -> !get("/api/invoices/" + invoice.invoiceId(), TestTokens.member(account), 200)
                        .path("dunningExhaustedOn")
                        .isNull());
    }

    // ---- a new card ------------------------------------------------------------------------------------------------

    @Test
    void aNewCard_isVerified_andChargedAtOnceForAnInvoiceWhoseRetriesWereUsedUp_aDeclinedOneChangesNothing() {
        String account = buyer();
        InvoiceIssued invoice = issue(account, order(account, "CARD", "tok_decline_charge"));
        // each attempt must have failed before the clock moves on: the deadline poller may be running the attempt
        // when the test fires, and an attempt run after the move would date its retry from the moved clock
        int attempts = 0;
        for (int days : new int[] {30, 3, 7}) {
            clock.advance(Duration.ofDays(days));
            deadlines.fireDue();
            long failed = ++attempts;
            await().atMost(WAIT).until(() -> publishedCount(account, PaymentFailed.TYPE) == failed);
        }

        String declined = Upstream.cardChangeRequested(account, "tok_decline_verify", "GBP");
        Upstream.flush();
        PaymentMethodChangeDeclined no =
                published(account, PaymentMethodChangeDeclined.TYPE, PaymentMethodChangeDeclined.class);
        assertThat(no.requestId()).isEqualTo(declined);
        assertThat(no.reason()).isEqualTo("DECLINED");
        assertThat(publishedCount(account, InvoicePaid.TYPE)).isZero();

        String request = Upstream.cardChangeRequested(account, "tok_visa", "GBP");
        Upstream.flush();
        PaymentMethodChanged changed = published(account, PaymentMethodChanged.TYPE, PaymentMethodChanged.class);
        assertThat(changed.requestId()).isEqualTo(request);
        assertThat(changed.cardTokenReference()).isEqualTo("tok_visa");
        assertThat(changed.gatewayReference()).startsWith("seti_");
        await().atMost(WAIT).until(() -> {
            deadlines.fireDue();
            return publishedCount(account, InvoicePaid.TYPE) == 1;
        });
        PaymentCaptured captured = published(account, PaymentCaptured.TYPE, PaymentCaptured.class);
        assertThat(captured.invoiceId()).isEqualTo(invoice.invoiceId());
        assertThat(captured.method()).isEqualTo("CARD");
        awaitStatus(account, invoice.invoiceId(), "PAID");
        assertThat(publishedCount(account, PaymentMethodChanged.TYPE)).isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The shared test clock runs on with the wall clock: start at noon UTC, so no midnight passes by accident. */
    private void startAtNoon() {
        Instant now = clock.instant();
        Instant noon = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(now, noon.isAfter(now) ? noon : noon.plus(Duration.ofDays(1))));
    }

    private String buyer() {
        String account = UUID.randomUUID().toString();
        Upstream.applied(account, "Buyer " + account.substring(0, 8), "GB", "en", "GB980780684");
        Upstream.verified(account, "GB980780684");
        Upstream.flush();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM buyer b JOIN buyer_verification v USING (account_id)"
                                        + " WHERE account_id = ?",
                                Integer.class,
                                account)
                        == 1);
        return account;
    }

    private String order(String account, String method, String token) {
        String subscription = UUID.randomUUID().toString();
        Upstream.ordered(
                account,
                subscription,
                "85.00",
                "GBP",
                method,
                token,
                null,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Upstream.flush();
        return subscription;
    }

    private InvoiceIssued issue(String account, String subscription) {
        String invoiceId = UUID.nameUUIDFromBytes(("invoice:" + subscription).getBytes(StandardCharsets.UTF_8))
                .toString();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?",
                                Integer.class,
                                "billing.issue:" + invoiceId)
                        == 1);
        clock.advance(Duration.ofHours(1));
        deadlines.fireDue();
        InvoiceIssued issued = published(account, InvoiceIssued.TYPE, InvoiceIssued.class);
        awaitStatus(account, issued.invoiceId(), "OPEN");
        return issued;
    }

    private HttpTestClient.Response creditNote(String invoiceId, String body) {
        return http.postJson(
                "/api/billing/invoices/" + invoiceId + "/credit-notes",
                body,
                TestTokens.operator("bea.billing@cps.local", "BILLING"));
    }

    private void awaitStatus(String account, String invoiceId, String status) {
        await().atMost(WAIT).until(() -> {
            HttpTestClient.Response r = http.get("/api/invoices/" + invoiceId, TestTokens.member(account));
            return r.status() == 200 && r.json().path("status").asString().equals(status);
        });
    }

    private JsonNode get(String path, String token, int status) {
        HttpTestClient.Response r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private byte[] bytes(String path, String token, int status) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(status);
        return r.body();
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] embeddedFile(byte[] pdf, String name) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDDocumentNameDictionary(document.getDocumentCatalog())
                    .getEmbeddedFiles()
                    .getNames()
                    .get(name)
                    .getEmbeddedFile()
                    .toByteArray();
        }
    }
}
