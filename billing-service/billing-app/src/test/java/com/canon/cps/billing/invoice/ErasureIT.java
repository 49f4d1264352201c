package com.canon.cps.billing.invoice;

import static com.canon.cps.billing.invoice.Published.publishedCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.billing.BillingServiceTest;
import com.canon.cps.billing.Upstream;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.invoice.query.InvoiceView;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.privacy.PersonalData;
import com.canon.cps.platform.privacy.PersonalDataErasure;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR erasure in billing (ADR 23, ADR 24), end to end through the real broker: an account with issued invoices (one
 * by bank transfer with a purchase order number and a credit note, one by card) is erased by {@code AccountErased} on
 * {@code cps.account.events}, as account-service publishes it. The invoices keep what tax law requires (number, dates,
 * amounts, the buyer's name, address and VAT ID, and the issued PDF) and nothing else, in the read model and after a
 * rebuild; the event table never held a personal value in clear; the invoice still loads and works; the card is
 * charged and the invoices dunned no more; and when the retention ends on the business clock, the buyer is erased too
 * and the PDFs are gone.
 */
@BillingServiceTest
class ErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "cps.billing.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VAT_ID = "DE136695976";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Projections projections;

    @Autowired
    EventStore events;

    @Autowired
    PersonalDataErasure erasure;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        startAtNoon();
    }

    /** The retention moves the shared clock years ahead: back to real time for the tests that share the context. */
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anErasedAccount_keepsWhatTaxLawRequires_untilItsRetentionEnds_andNothingElse() throws Exception {
        String account = UUID.randomUUID().toString();
        String company = "Erika Mustermann Fotografie " + account.substring(0, 8);
        String purchaseOrder = "PO-" + account.substring(0, 8);
        String reason = "Discount agreed with Erika " + account.substring(0, 8);
        String card = "tok_visa";
        Upstream.applied(account, company, "DE", "de", VAT_ID);
        Upstream.verified(account, VAT_ID);
        Upstream.flush();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM buyer b JOIN buyer_verification v USING (account_id)"
                                        + " WHERE account_id = ?",
                                Integer.class,
                                account)
                        == 1);

        InvoiceIssued bank = issue(account, order(account, "BANK_TRANSFER", null, purchaseOrder, "100.00"));
        assertThat(bank.buyer().name()).isEqualTo(company);
        assertThat(bank.purchaseOrderNumber()).isEqualTo(purchaseOrder);
        byte[] issuedPdf = Base64.getDecoder().decode(bank.document().contentBase64());
        HttpTestClient.Response credited = http.postJson(
                "/api/billing/invoices/" + bank.invoiceId() + "/credit-notes",
                HttpTestClient.json(Map.of("reason", reason, "amount", "10.00")),
                TestTokens.operator("bea.billing@cps.local", "BILLING"));
        assertThat(credited.status()).as(credited.body()).isEqualTo(201);
        String creditNoteId = credited.json().path("creditNoteId").asString();
        InvoiceIssued byCard = issue(account, order(account, "CARD", card, null, "200.00"));
        await().atMost(WAIT).until(() -> view(bank.invoiceId()).toJson().contains(reason));

        // the event table never holds a personal value in clear: not the buyer, nor the order's, nor the card's
        List<String> stored = storedEvents(bank.invoiceId(), byCard.invoiceId());
        assertThat(stored).hasSizeGreaterThan(4);
        assertThat(stored)
                .noneMatch(e -> e.contains(company)
                        || e.contains(purchaseOrder)
                        || e.contains(reason)
                        || e.contains(VAT_ID)
                        || e.contains(card));

        // account-service erases the account
        KafkaTestClient.publish(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountErased.TYPE,
                HttpTestClient.json(new AccountErased(account, Instant.now())));
        Upstream.flush();
        await().atMost(WAIT).until(() -> erasure.isErased(account) && waiting(account));
        await().atMost(WAIT).until(() -> !view(bank.invoiceId()).toJson().contains(purchaseOrder));

        // the invoice keeps its number, dates, amounts and the buyer as tax law requires, and nothing else
        JsonNode invoice = get("/api/invoices/" + bank.invoiceId(), TestTokens.operator(), 200);
        assertThat(invoice.path("number").asString()).isEqualTo(bank.number());
        assertThat(invoice.path("issueDate").asString())
                .isEqualTo(bank.issueDate().toString());
        assertThat(invoice.path("gross").path("amount").asString())
                .isEqualTo(bank.gross().amount());
        Document bankView = view(bank.invoiceId());
        Document buyer = bankView.get("buyer", Document.class);
        assertThat(buyer.getString("name")).isEqualTo(company);
        assertThat(buyer.getString("line1")).isEqualTo("1 High St");
        assertThat(buyer.getString("city")).isEqualTo("London");
        assertThat(buyer.getString("vatId")).isEqualTo(VAT_ID);
        assertThat(bankView.toJson()).doesNotContain(purchaseOrder).doesNotContain(reason);
        assertThat(accountViews(account))
                .allSatisfy(v -> assertThat(v.toJson())
                        .doesNotContain(purchaseOrder)
                        .doesNotContain(reason)
                        .doesNotContain(card));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM buyer WHERE account_id = ?", Integer.class, account))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM buyer_verification WHERE account_id = ?", Integer.class, account))
                .isZero();
        // the issued PDF is the legal document: kept as it was issued, until the retention ends
        assertThat(bytes("/api/invoices/" + bank.invoiceId() + "/pdf", TestTokens.operator(), 200))
                .isEqualTo(issuedPdf);
        assertThat(text(bytes(
                        "/api/invoices/" + bank.invoiceId() + "/credit-notes/" + creditNoteId + "/pdf",
                        TestTokens.operator(),
                        200)))
                .contains(reason);
        assertThat(storedEvents(bank.invoiceId(), byCard.invoiceId()))
                .noneMatch(e -> e.contains(company) || e.contains(purchaseOrder) || e.contains(reason));

        // the aggregate still loads and works: an operator may still correct the invoice
        HttpTestClient.Response correction = http.postJson(
                "/api/billing/invoices/" + bank.invoiceId() + "/credit-notes",
                "{\"reason\": \"Rounding\", \"amount\": \"1.00\"}",
                TestTokens.operator("bea.billing@cps.local", "BILLING"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        LocalDate correctedOn =
                LocalDate.parse(correction.json().path("issueDate").asString());

        // a rebuild of the invoice view brings back no erased value, and keeps the retained ones
        rebuild();
        Document rebuilt = view(bank.invoiceId());
        assertThat(rebuilt.get("buyer", Document.class).getString("name")).isEqualTo(company);
        assertThat(rebuilt.getString("number")).isEqualTo(bank.number());
        assertThat(accountViews(account))
                .allSatisfy(v -> assertThat(v.toJson())
                        .doesNotContain(purchaseOrder)
                        .doesNotContain(reason)
                        .doesNotContain(card));

        // billing stops: the card is charged no more, nothing becomes overdue or is dunned
        clock.advance(Duration.ofDays(40));
        deadlines.fireDue();
        assertThat(publishedCount(account, PaymentCaptured.TYPE)).isZero();
        assertThat(publishedCount(account, PaymentFailed.TYPE)).isZero();
        assertThat(publishedCount(account, InvoiceOverdue.TYPE)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM payment_gateway_simulator_operation WHERE idempotency_key LIKE ?",
                        Integer.class,
                        "charge:" + byCard.invoiceId() + "%"))
                .isZero();
        assertThat(view(byCard.invoiceId()).getString("status")).isEqualTo("OPEN");

        // the retention: 8 years from the end of the calendar year of the last document
        Instant until = jdbc.queryForObject(
                "SELECT retain_until FROM tax_retention WHERE account_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(),
                account);
        assertThat(until)
                .isEqualTo(LocalDate.of(correctedOn.getYear() + 1, 1, 1)
                        .plusYears(8)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC));
        clock.advance(Duration.between(clock.instant(), until).minusDays(1));
        deadlines.fireDue();
        assertThat(waiting(account)).isTrue();
        bytes("/api/invoices/" + bank.invoiceId() + "/pdf", TestTokens.operator(), 200);

        clock.advance(Duration.ofDays(2));
        deadlines.fireDue();
        await().atMost(WAIT).until(() -> !waiting(account));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM retained_document WHERE account_id = ?", Integer.class, account))
                .isZero();
        bytes("/api/invoices/" + bank.invoiceId() + "/pdf", TestTokens.operator(), 404);
        bytes(
                "/api/invoices/" + bank.invoiceId() + "/credit-notes/" + creditNoteId + "/pdf",
                TestTokens.operator(),
                404);
        assertThat(view(bank.invoiceId()).get("buyer", Document.class).getString("name"))
                .isEqualTo(PersonalData.ERASED);
        com.canon.cps.billing.invoice.domain.InvoiceIssued replayed = events.readEvents(bank.invoiceId())
                .asStream()
                .map(m -> m.getPayload())
                .filter(com.canon.cps.billing.invoice.domain.InvoiceIssued.class::isInstance)
                .map(com.canon.cps.billing.invoice.domain.InvoiceIssued.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(replayed.number()).isEqualTo(bank.number());
        assertThat(replayed.buyer().name()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.buyer().vatId()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.purchaseOrderNumber()).isEqualTo(PersonalData.ERASED);
        rebuild();
        assertThat(accountViews(account))
                .allSatisfy(v -> assertThat(v.toJson())
                        .doesNotContain(company)
                        .doesNotContain(VAT_ID)
                        .doesNotContain(purchaseOrder)
                        .doesNotContain(reason));
        assertThat(view(bank.invoiceId()).getString("gross"))
                .isEqualTo(bank.gross().amount());
    }

    @Test
    void anErasedAccountWithoutInvoices_keepsNothing_andAnOrderAfterwardsOpensNothing() {
        String account = UUID.randomUUID().toString();
        Upstream.applied(account, "Solo " + account.substring(0, 8), "GB", "en", null);
        Upstream.verified(account, null);
        Upstream.flush();
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM buyer WHERE account_id = ?", Integer.class, account)
                                == 1);
        KafkaTestClient.publish(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountErased.TYPE,
                HttpTestClient.json(new AccountErased(account, Instant.now())));
        Upstream.flush();
        await().atMost(WAIT).until(() -> erasure.isErased(account));
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM buyer WHERE account_id = ?", Integer.class, account)
                                == 0);
        assertThat(waiting(account)).isFalse();

        String subscription = UUID.randomUUID().toString();
        String ceId = Upstream.ordered(
                account,
                subscription,
                "85.00",
                "GBP",
                "BANK_TRANSFER",
                null,
                null,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Upstream.flush();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_message WHERE message_id = ?", Integer.class, ceId)
                        == 1);
        String invoiceId = invoiceId(subscription);
        clock.advance(Duration.ofHours(2));
        deadlines.fireDue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?",
                        Integer.class,
                        "billing.issue:" + invoiceId))
                .isZero();
        assertThat(events.readEvents(invoiceId).asStream().count()).isZero();
        assertThat(publishedCount(account, InvoiceIssued.TYPE)).isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The shared test clock runs on with the wall clock: start at noon UTC, so no midnight passes by accident. */
    private void startAtNoon() {
        Instant now = clock.instant();
        Instant noon = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(now, noon.isAfter(now) ? noon : noon.plus(Duration.ofDays(1))));
    }

    private String order(String account, String method, String token, String purchaseOrder, String amount) {
        String subscription = UUID.randomUUID().toString();
        Upstream.ordered(
                account,
                subscription,
                amount,
                "EUR",
                method,
                token,
                purchaseOrder,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Upstream.flush();
        return subscription;
    }

    private static String invoiceId(String subscription) {
        return UUID.nameUUIDFromBytes(("invoice:" + subscription).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private InvoiceIssued issue(String account, String subscription) {
        String invoiceId = invoiceId(subscription);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ?",
                                Integer.class,
                                "billing.issue:" + invoiceId)
                        == 1);
        clock.advance(Duration.ofHours(1));
        deadlines.fireDue();
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                TOPIC,
                r -> account.equals(r.key())
                        && InvoiceIssued.TYPE.equals(KafkaTestClient.header(r, "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains(invoiceId),
                WAIT);
        InvoiceIssued issued = JSON.readValue(seen.get(seen.size() - 1).value(), InvoiceIssued.class);
        await().atMost(WAIT).until(() -> mongo.findById(invoiceId, Document.class, collection()) != null);
        return issued;
    }

    private boolean waiting(String account) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM tax_retention WHERE account_id = ? AND ended_at IS NULL",
                        Integer.class,
                        account)
                == 1;
    }

    private void rebuild() {
        String admin = "/admin/projections/invoices/rebuild";
        await().atMost(WAIT)
                .until(() -> !http.get(admin, TestTokens.operator())
                        .json()
                        .path("status")
                        .asString()
                        .matches("RUNNING|CAUGHT_UP"));
        HttpTestClient.Response started = http.post(admin, "application/json", "", TestTokens.operator());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get(admin, TestTokens.operator()).json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
    }

    private String collection() {
        return projections.collection(InvoiceView.class);
    }

    private Document view(String invoiceId) {
        return mongo.findById(invoiceId, Document.class, collection());
    }

    private List<Document> accountViews(String account) {
        return mongo.find(Query.query(Criteria.where("accountId").is(account)), Document.class, collection());
    }

    /** The raw payloads of the invoices' events, as the event table holds them. */
    private List<String> storedEvents(String... invoiceIds) {
        return List.of(invoiceIds).stream()
                .flatMap(id -> jdbc
                        .queryForList(
                                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class, id)
                        .stream())
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
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
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        return r.body();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
