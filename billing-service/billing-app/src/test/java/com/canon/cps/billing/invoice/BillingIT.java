package com.canon.cps.billing.invoice;

import static com.canon.cps.billing.invoice.Published.published;
import static com.canon.cps.billing.invoice.Published.publishedCount;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.billing.BillingServiceTest;
import com.canon.cps.billing.Upstream;
import com.canon.cps.billing.contract.InvoiceIssued;
import com.canon.cps.billing.contract.InvoiceOverdue;
import com.canon.cps.billing.contract.InvoicePaid;
import com.canon.cps.billing.contract.PaymentCaptured;
import com.canon.cps.billing.contract.PaymentFailed;
import com.canon.cps.billing.contract.PaymentMethodVerificationFailed;
import com.canon.cps.billing.contract.PaymentMethodVerified;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * billing-service end to end: buyers and orders in through the real broker, invoices issued after the configured
 * delay on the business clock, card verification and charge through the gateway simulator, bank statements
 * imported over HTTP, contract events out on {@code cps.billing.events}.
 */
@BillingServiceTest
class BillingIT {

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
    }

    @Test
    void cardOrder_isVerified_invoicedAfterTheDelay_chargedOnTheDueDate_andPaid() throws Exception {
        String account = UUID.randomUUID().toString();
        String subscription = UUID.randomUUID().toString();
        Upstream.applied(account, "Lumen Studio Ltd", "GB", "en", "GB980780684");
        Upstream.verified(account, "GB980780684");
        Upstream.flush();
        awaitBuyer(account);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String ceId = Upstream.ordered(account, subscription, "85.00", "GBP", "CARD", "tok_visa", "PO-7781", today);
        Upstream.ordered(ceId, account, subscription, "85.00", "GBP", "CARD", "tok_visa", "PO-7781", today);
        Upstream.flush();

        PaymentMethodVerified verified = published(account, PaymentMethodVerified.TYPE, PaymentMethodVerified.class);
        assertThat(verified.subscriptionId()).isEqualTo(subscription);
        assertThat(verified.gatewayReference()).isNotBlank();
        deadlines.fireDue();
        assertThat(invoices(account)).as("not before the issue delay").isEmpty();

        clock.advance(Duration.ofHours(1));
        deadlines.fireDue();
        InvoiceIssued issued = published(account, InvoiceIssued.TYPE, InvoiceIssued.class);
        LocalDate issueDate = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        assertThat(issued.number()).matches("CPS-GB-" + issueDate.getYear() + "-\\d{6}");
        assertThat(issued.vatTreatment()).isEqualTo("UK_VAT");
        assertThat(issued.net().amount()).isEqualTo("85.00");
        assertThat(issued.vatRate()).isEqualTo("20.00");
        assertThat(issued.vat().amount()).isEqualTo("17.00");
        assertThat(issued.gross().amount()).isEqualTo("102.00");
        assertThat(issued.gross().currency()).isEqualTo("GBP");
        assertThat(issued.dueDate()).isEqualTo(issueDate.plusDays(30));
        assertThat(issued.purchaseOrderNumber()).isEqualTo("PO-7781");
        assertThat(issued.paymentReference()).isNull();
        assertThat(issued.buyer().vatId()).isEqualTo("GB980780684");
        assertThat(issued.seller().vatId()).startsWith("GB");
        byte[] attached = Base64.getDecoder().decode(issued.document().contentBase64());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attached)))
                .isEqualTo(issued.document().sha256());

        JsonNode listed = awaitInvoice(account, "OPEN");
        assertThat(listed.path("invoiceId").asString()).isEqualTo(issued.invoiceId());
        assertThat(listed.path("gross").path("amount").asString()).isEqualTo("102.00");
        assertThat(listed.path("vatTreatment").asString()).isEqualTo("UK_VAT");
        assertThat(listed.path("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(listed.path("purchaseOrderNumber").asString()).isEqualTo("PO-7781");
        JsonNode details = get("/api/invoices/" + issued.invoiceId(), TestTokens.member(account), 200);
        assertThat(details.path("buyer").path("name").asString()).isEqualTo("Lumen Studio Ltd");
        assertThat(details.path("seller").path("name").asString()).isEqualTo("Canon Europa N.V.");
        assertThat(details.path("lines").get(0).path("description").asString()).contains("Silver");

        byte[] pdf = pdf(issued.invoiceId(), TestTokens.member(account), 200);
        assertThat(pdf).isEqualTo(attached);
        String text = text(pdf);
        assertThat(text).contains(issued.number(), "PO-7781", "102.00", "17.00", "85.00", "Lumen Studio Ltd");
        pdf(issued.invoiceId(), TestTokens.member(UUID.randomUUID().toString()), 404);
        assertProblem(http.get("/api/invoices/" + issued.invoiceId() + "/xrechnung", TestTokens.member(account)), 409);
        assertThat(get(
                        "/api/invoices/" + issued.invoiceId(),
                        TestTokens.member(UUID.randomUUID().toString()),
                        404))
                .isNotNull();
        assertThat(get("/api/invoices/" + issued.invoiceId(), TestTokens.operator(), 200)
                        .path("number")
                        .asString())
                .isEqualTo(issued.number());

        clock.advance(Duration.ofDays(30));
        deadlines.fireDue();
        PaymentCaptured captured = published(account, PaymentCaptured.TYPE, PaymentCaptured.class);
        assertThat(captured.method()).isEqualTo("CARD");
        assertThat(captured.amount().amount()).isEqualTo("102.00");
        InvoicePaid paid = published(account, InvoicePaid.TYPE, InvoicePaid.class);
        assertThat(paid.number()).isEqualTo(issued.number());
        awaitInvoice(account, "PAID");

        clock.advance(Duration.ofDays(2));
        deadlines.fireDue();
        assertThat(publishedCount(account, InvoiceIssued.TYPE)).isEqualTo(1);
        assertThat(publishedCount(account, PaymentCaptured.TYPE)).isEqualTo(1);
        assertThat(publishedCount(account, InvoiceOverdue.TYPE)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM payment_gateway_simulator_operation WHERE idempotency_key LIKE ?",
                        Integer.class,
                        "charge:" + issued.invoiceId() + "%"))
                .isEqualTo(1);
    }

    @Test
    void declinedVerification_isReported_theInvoiceStaysOpen_andBecomesOverdue() {
        String account = buyer("GB", "en", null);
        String subscription = order(account, "85.00", "GBP", "CARD", "tok_decline_verify", null);
        Upstream.flush();
        PaymentMethodVerificationFailed failed =
                published(account, PaymentMethodVerificationFailed.TYPE, PaymentMethodVerificationFailed.class);
        assertThat(failed.reason()).isEqualTo("DECLINED");
        InvoiceIssued issued = issue(account, subscription);
        assertThat(issued.buyer().vatId()).as("not VAT-liable").isNull();

        clock.advance(Duration.ofDays(31));
        deadlines.fireDue();
        InvoiceOverdue overdue = published(account, InvoiceOverdue.TYPE, InvoiceOverdue.class);
        assertThat(overdue.number()).isEqualTo(issued.number());
        assertThat(overdue.dueDate()).isEqualTo(issued.dueDate());
        assertThat(publishedCount(account, PaymentCaptured.TYPE)).isZero();
        awaitInvoice(account, "OVERDUE");
        assertThat(get("/api/billing/invoices?status=OVERDUE", TestTokens.operator("desk@cps.local"), 200)
                        .toString())
                .contains(issued.invoiceId());
    }

    @Test
    void declinedCharge_failsWithTheNextAttemptDate_thenAuthenticationRequired() {
        // the shared test clock runs on with the wall clock: start at noon UTC, so no midnight passes between the
        // issue and the charge (which would make the charge a day late and the invoice overdue)
        Instant now = clock.instant();
        Instant noon = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(now, noon.isAfter(now) ? noon : noon.plus(Duration.ofDays(1))));
        String declined = buyer("GB", "en", null);
        String auth = buyer("GB", "en", null);
        String declinedOrder = order(declined, "85.00", "GBP", "CARD", "tok_decline_charge", null);
        String authOrder = order(auth, "85.00", "GBP", "CARD", "tok_auth_required", null);
        Upstream.flush();
        published(declined, PaymentMethodVerified.TYPE, PaymentMethodVerified.class);
        published(auth, PaymentMethodVerified.TYPE, PaymentMethodVerified.class);
        InvoiceIssued invoice = issue(declined, declinedOrder);
        issue(auth, authOrder);

        clock.advance(Duration.ofDays(30));
        deadlines.fireDue();
        PaymentFailed failed = published(declined, PaymentFailed.TYPE, PaymentFailed.class);
        assertThat(failed.reason()).isEqualTo("DECLINED");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.nextAttemptOn()).isEqualTo(invoice.dueDate().plusDays(3));
        assertThat(published(auth, PaymentFailed.TYPE, PaymentFailed.class).reason())
                .isEqualTo("AUTHENTICATION_REQUIRED");
        awaitInvoice(declined, "OPEN");
    }

    @Test
    void confirmedGermanBusiness_isReverseCharged_inEuro() {
        String account = buyer("DE", "de", "DE136695976");
        String subscription = order(account, "100.00", "EUR", "BANK_TRANSFER", null, null);
        Upstream.flush();
        InvoiceIssued issued = issue(account, subscription);
        assertThat(issued.vatTreatment()).isEqualTo("REVERSE_CHARGE");
        assertThat(issued.vat().amount()).isEqualTo("0.00");
        assertThat(issued.gross().amount()).isEqualTo("100.00");
        assertThat(issued.vatNote()).startsWith("Reverse charge");
        assertThat(issued.buyer().vatId()).isEqualTo("DE136695976");
        assertThat(issued.seller().vatId()).startsWith("NL");
        assertThat(issued.language()).isEqualTo("de");
        assertThat(issued.number()).startsWith("CPS-DE-");
        byte[] document = Base64.getDecoder().decode(issued.document().contentBase64());
        assertThat(text(document)).contains("Reverse charge", "DE136695976");
        assertThat(embeddedFiles(document)).as("a Factur-X invoice").containsExactly("factur-x.xml");

        HttpTestClient.Response xRechnung =
                http.get("/api/invoices/" + issued.invoiceId() + "/xrechnung", TestTokens.member(account));
        assertThat(xRechnung.status()).as(xRechnung.body()).isEqualTo(200);
        assertThat(xRechnung.contentType()).startsWith("application/xml");
        assertThat(xRechnung.body())
                .contains("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0")
                .contains("<ram:ID>" + issued.number() + "</ram:ID>")
                .contains("<ram:CategoryCode>AE</ram:CategoryCode>")
                .contains("schemeID=\"9930\">DE136695976");
        assertProblem(
                http.get(
                        "/api/invoices/" + issued.invoiceId() + "/xrechnung",
                        TestTokens.member(UUID.randomUUID().toString())),
                404);
        assertProblem(http.get("/api/invoices/" + issued.invoiceId() + "/xrechnung", TestTokens.operator()), 403);
    }

    @Test
    void bankTransfers_matchByReference_fromACamt053Statement_andNothingIsGuessed() {
        String payer = buyer("GB", "en", null);
        String partial = buyer("GB", "en", null);
        String payerOrder = order(payer, "85.00", "GBP", "BANK_TRANSFER", null, "PO-1");
        String partialOrder = order(partial, "85.00", "GBP", "BANK_TRANSFER", null, null);
        Upstream.flush();
        InvoiceIssued paying = issue(payer, payerOrder);
        InvoiceIssued short_ = issue(partial, partialOrder);
        assertThat(paying.paymentReference()).matches("RF\\d{2}CPSGB\\d{4}\\d{6}");
        assertThat(paying.paymentInstructions().iban()).isNotBlank();
        assertThat(paying.paymentInstructions().note()).isEqualTo("Additional bank charges may apply.");
        assertThat(text(Base64.getDecoder().decode(paying.document().contentBase64())))
                .contains("Additional bank charges may apply");

        String statement = Camt053Sample.statement(List.of(
                new Camt053Sample.Credit("E-" + UUID.randomUUID(), "102.00", "GBP", paying.paymentReference(), null),
                new Camt053Sample.Credit("E-" + UUID.randomUUID(), "50.00", "GBP", short_.paymentReference(), null),
                new Camt053Sample.Credit("E-" + UUID.randomUUID(), "10.00", "GBP", "RF18539007547034", null),
                new Camt053Sample.Credit("E-" + UUID.randomUUID(), "7.00", "GBP", null, "thanks for the lovely work")));
        String billing = TestTokens.operator("bea.billing@cps.local", "BILLING");
        String reviewer = TestTokens.operator("rita.reviewer@cps.local", "REVIEWER");
        // only BILLING (or ADMIN) operators import and mark paid (ADR 19); a refusal changes nothing
        assertThat(importStatement(statement, reviewer).status()).isEqualTo(403);
        assertThat(http.post(
                                "/api/billing/invoices/" + short_.invoiceId() + "/mark-paid",
                                "application/json",
                                "{}",
                                reviewer)
                        .status())
                .isEqualTo(403);
        assertThat(invoices(payer).get(0).path("status").asString()).isEqualTo("OPEN");
        assertThat(get("/admin/audit?subject=" + paying.invoiceId(), reviewer, 200))
                .isEmpty();

        HttpTestClient.Response first = importStatement(statement, billing);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode result = first.json();
        assertThat(result.path("matched").asInt()).isEqualTo(1);
        assertThat(result.path("unmatched").asInt()).isEqualTo(3);
        assertThat(results(result)).containsExactly("MATCHED", "PARTIAL_PAYMENT", "UNKNOWN_REFERENCE", "NO_REFERENCE");
        assertThat(result.path("entries").get(0).path("invoiceNumber").asString())
                .isEqualTo(paying.number());

        InvoicePaid paid = published(payer, InvoicePaid.TYPE, InvoicePaid.class);
        assertThat(paid.method()).isEqualTo("BANK_TRANSFER");
        awaitInvoice(payer, "PAID");

        JsonNode again = importStatement(statement, TestTokens.operator()).json();
        assertThat(again.path("matched").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        assertThat(publishedCount(payer, PaymentCaptured.TYPE)).isEqualTo(1);
        assertThat(invoices(partial).get(0).path("status").asString()).isEqualTo("OPEN");

        // the operators' list of invoices to be paid (any operator): the partly paid one is open, the paid one gone
        JsonNode open = get("/api/billing/invoices?status=OPEN", reviewer, 200);
        List<String> openIds = new ArrayList<>();
        open.forEach(i -> openIds.add(i.path("invoiceId").asString()));
        assertThat(openIds).contains(short_.invoiceId()).doesNotContain(paying.invoiceId());
        open.forEach(i -> assertThat(i.path("status").asString()).isEqualTo("OPEN"));
        JsonNode listed = open.get(openIds.indexOf(short_.invoiceId()));
        assertThat(listed.path("accountId").asString()).isEqualTo(partial);
        assertThat(listed.path("number").asString()).isEqualTo(short_.number());
        assertThat(listed.path("gross").path("amount").asString()).isEqualTo("102.00");
        assertThat(get("/api/billing/invoices?status=OVERDUE", reviewer, 200).toString())
                .doesNotContain(short_.invoiceId());
        assertThat(get("/api/billing/invoices", reviewer, 200).toString()).contains(short_.invoiceId());
        assertProblem(http.get("/api/billing/invoices?status=PAID", reviewer), 400);
        assertProblem(http.get("/api/billing/invoices?status=OPEN", TestTokens.member(partial)), 403);

        assertThat(http.post(
                                "/api/billing/invoices/" + short_.invoiceId() + "/mark-paid",
                                "application/json",
                                "{\"note\": \"rest paid by cheque\"}",
                                billing)
                        .status())
                .isEqualTo(200);
        awaitInvoice(partial, "PAID");

        // the audit trail: the import, the payment it booked (on the invoice, with the account), the invoice marked
        // paid
        JsonNode booked = get("/admin/audit?subject=" + paying.invoiceId(), reviewer, 200);
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).path("action").asString()).isEqualTo("BANK_PAYMENT_BOOKED");
        assertThat(booked.get(0).path("operatorEmail").asString()).isEqualTo("bea.billing@cps.local");
        assertThat(booked.get(0).path("accountId").asString()).isEqualTo(payer);
        assertThat(booked.get(0).path("details").path("invoiceNumber").asString())
                .isEqualTo(paying.number());
        String statementId = booked.get(0).path("details").path("statement").asString();
        JsonNode imports = get("/admin/audit?subject=" + statementId, reviewer, 200);
        assertThat(imports).hasSize(2);
        assertThat(imports.get(0).path("action").asString()).isEqualTo("BANK_STATEMENT_IMPORTED");
        assertThat(imports.get(0).path("details").path("duplicates").asInt()).isEqualTo(1);
        assertThat(imports.get(1).path("details").path("matched").asInt()).isEqualTo(1);
        JsonNode markedPaid = get("/admin/audit?subject=" + short_.invoiceId(), reviewer, 200);
        assertThat(markedPaid).hasSize(1);
        assertThat(markedPaid.get(0).path("action").asString()).isEqualTo("INVOICE_MARKED_PAID");
        assertThat(markedPaid.get(0).path("operatorEmail").asString()).isEqualTo("bea.billing@cps.local");
        assertThat(markedPaid.get(0).path("accountId").asString()).isEqualTo(partial);
        assertThat(markedPaid.get(0).path("details").path("note").asString()).isEqualTo("rest paid by cheque");
        assertThat(markedPaid.get(0).path("details").path("invoiceNumber").asString())
                .isEqualTo(short_.number());
        assertProblem(
                http.post(
                        "/api/billing/invoices/" + short_.invoiceId() + "/mark-paid",
                        "application/json",
                        "{}",
                        TestTokens.operator()),
                409);
        assertProblem(
                http.post(
                        "/api/billing/invoices/" + UUID.randomUUID() + "/mark-paid",
                        "application/json",
                        "{}",
                        TestTokens.operator()),
                404);
    }

    @Test
    void statementImport_refusesMembers_garbage_andXxe() {
        String statement = Camt053Sample.statement(List.of());
        assertThat(importStatement(
                                statement, TestTokens.member(UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(403);
        assertThat(importStatement(statement, null).status()).isEqualTo(401);
        assertProblem(importStatement("not xml at all", TestTokens.operator()), 400);
        assertProblem(importStatement("", TestTokens.operator()), 400);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>";
        HttpTestClient.Response r = importStatement(xxe, TestTokens.operator());
        assertProblem(r, 400);
        assertThat(r.body()).doesNotContain("root:");
    }

    /**
     * 200 orders in one series, issued by eight threads at once: 200 invoices, numbers consecutive in their series
     * with no gap and no repeat (over every invoice the series holds, whichever test issued it).
     */
    @Test
    void twoHundredOrders_issuedConcurrently_areNumberedWithoutAGap() throws Exception {
        List<String> accounts = IntStream.range(0, 200)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        for (String a : accounts) {
            Upstream.applied(a, "Concurrent Ltd", "GB", "en", null);
        }
        Upstream.flush();
        await().atMost(WAIT).until(() -> buyers(accounts) == 200);
        List<String> subscriptions = accounts.stream()
                .map(a -> order(a, "85.00", "GBP", "BANK_TRANSFER", null, null))
                .toList();
        Upstream.flush();
        await().atMost(WAIT).until(() -> opened(subscriptions) == 200);

        clock.advance(Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> firing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                firing.add(pool.submit(deadlines::fireDue));
            }
            for (Future<Integer> f : firing) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(WAIT).until(() -> issuedFor(accounts) == 200);
        assertThat(opened(subscriptions)).isEqualTo(200);

        String series =
                "CPS-GB-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        List<String> numbers = jdbc.queryForList(
                "SELECT number FROM issued_invoice WHERE series = ? ORDER BY number", String.class, series);
        long last = jdbc.queryForObject("SELECT last_number FROM invoice_series WHERE series = ?", Long.class, series);
        assertThat(numbers).hasSize((int) last).doesNotHaveDuplicates();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo("%s-%06d".formatted(series, i + 1));
        }
        await().atMost(WAIT)
                .until(() -> accounts.stream().allMatch(a -> invoices(a).size() == 1));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String buyer(String country, String language, String confirmedVatId) {
        String account = UUID.randomUUID().toString();
        Upstream.applied(account, "Buyer " + account.substring(0, 8), country, language, confirmedVatId);
        Upstream.verified(account, confirmedVatId);
        Upstream.flush();
        awaitBuyer(account);
        return account;
    }

    /** Orders Silver for the account; returns the subscription id. */
    private String order(String account, String amount, String currency, String method, String token, String po) {
        String subscription = UUID.randomUUID().toString();
        Upstream.ordered(account, subscription, amount, currency, method, token, po, today());
        return subscription;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void awaitBuyer(String account) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM buyer b JOIN buyer_verification v USING (account_id)"
                                        + " WHERE account_id = ?",
                                Integer.class,
                                account)
                        == 1);
    }

    /** Waits until the order is in, moves the clock past the issue delay and returns the published invoice. */
    private InvoiceIssued issue(String account, String subscription) {
        await().atMost(WAIT).until(() -> opened(List.of(subscription)) == 1);
        clock.advance(Duration.ofHours(1));
        deadlines.fireDue();
        return published(account, InvoiceIssued.TYPE, InvoiceIssued.class);
    }

    private int buyers(List<String> accounts) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM buyer WHERE account_id = ANY (?)", Integer.class, (Object) array(accounts));
    }

    /** Orders whose invoice is opened (issue deadline pending) or already issued. */
    private int opened(List<String> subscriptions) {
        List<String> invoiceIds =
                subscriptions.stream().map(BillingIT::invoiceId).toList();
        return jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_deadline WHERE deadline_id = ANY (?)", Integer.class, (Object)
                                array(invoiceIds.stream()
                                        .map(id -> "billing.issue:" + id)
                                        .toList()))
                + jdbc.queryForObject(
                        "SELECT count(*) FROM issued_invoice WHERE invoice_id = ANY (?)", Integer.class, (Object)
                                array(invoiceIds));
    }

    /** The invoice id billing derives from a subscription id (one invoice per ordered term). */
    private static String invoiceId(String subscriptionId) {
        return UUID.nameUUIDFromBytes(("invoice:" + subscriptionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private int issuedFor(List<String> accounts) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM issued_invoice WHERE account_id = ANY (?)", Integer.class, (Object)
                        array(accounts));
    }

    private String[] array(List<String> accounts) {
        return accounts.toArray(String[]::new);
    }

    private List<JsonNode> invoices(String account) {
        List<JsonNode> list = new ArrayList<>();
        get("/api/invoices", TestTokens.member(account), 200).forEach(list::add);
        return list;
    }

    private JsonNode awaitInvoice(String account, String status) {
        return await().atMost(WAIT)
                .until(
                        () -> invoices(account),
                        l -> l.size() == 1 && l.get(0).path("status").asString().equals(status))
                .get(0);
    }

    private JsonNode get(String path, String token, int status) {
        HttpTestClient.Response r = http.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private byte[] pdf(String invoiceId, String token, int status) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/invoices/" + invoiceId + "/pdf"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(status);
        if (status == 200) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        }
        return r.body();
    }

    private static List<String> embeddedFiles(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return List.copyOf(new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog())
                    .getEmbeddedFiles()
                    .getNames()
                    .keySet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpTestClient.Response importStatement(String xml, String token) {
        return http.postBytes(
                "/api/billing/bank-statements", "application/xml", xml.getBytes(StandardCharsets.UTF_8), token);
    }

    private static List<String> results(JsonNode result) {
        List<String> r = new ArrayList<>();
        result.path("entries").forEach(e -> r.add(e.path("result").asString()));
        return r;
    }
}
