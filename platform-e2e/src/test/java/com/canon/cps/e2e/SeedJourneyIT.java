package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole seed journey through the entry point and the real broker, for four members at once: each applies, is
 * verified by the registry policy, sets a password, logs in, registers products to 580 points, is invited, sees the
 * tiers and buys Silver. The first pays by card with a purchase order number (charged when the business clock
 * reaches the due date), the second by bank transfer (matched from a camt.053 statement), the third switches
 * auto-renewal off and expires after the term, the fourth is renewed from the day after its expiry and invoiced
 * again.
 *
 * <p>This test moves the shared platform's business clock forward by a year.
 */
class SeedJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final HttpTestClient http = SharedPlatform.http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private record Member(String email, String token, String accountId) {}

    @Test
    void fourMembers_fromApplicationToPaidRenewedAndExpiredMemberships() throws Exception {
        Member card = invitedMember("card");
        Member bank = invitedMember("bank");
        Member lapsing = invitedMember("lapsing");
        Member renewing = invitedMember("renewing");

        // the tier page of the seed: Silver for £85.00 excl. VAT per year
        JsonNode tiers = ok(http.get("/api/membership/tiers", card.token()));
        JsonNode silver = tiers.path("tiers").get(0);
        assertThat(silver.path("code").asString()).isEqualTo("SILVER");
        assertThat(silver.path("available").asBoolean()).isTrue();
        assertThat(silver.path("price").path("amount").asString()).isEqualTo("85.00");
        assertThat(silver.path("price").path("currency").asString()).isEqualTo("GBP");
        assertThat(silver.path("vatExcluded").asBoolean()).isTrue();

        // checkout refusals change nothing
        assertThat(checkout(card, "SILVER", "CARD", null, "PO-7781", true).status())
                .isEqualTo(400);
        assertThat(checkout(card, "SILVER", "CARD", "tok_visa", "PO-7781", false)
                        .status())
                .isEqualTo(400);
        assertThat(checkout(card, "PLATINUM", "CARD", "tok_visa", "PO-7781", true)
                        .status())
                .isIn(400, 422);

        JsonNode bought = checkoutOk(card, "CARD", "tok_visa", "PO-7781");
        checkoutOk(bank, "BANK_TRANSFER", null, null);
        checkoutOk(lapsing, "CARD", "tok_visa", null);
        JsonNode renewingTerm = checkoutOk(renewing, "CARD", "tok_visa", null);
        assertThat(checkout(card, "SILVER", "CARD", "tok_visa", null, true).status())
                .as("already active")
                .isEqualTo(409);

        // the dashboard of the seed
        String number = bought.path("membershipNumber").asString();
        assertThat(number).matches("[1-9][0-9]{8}");
        LocalDate startsOn = LocalDate.parse(bought.path("startsOn").asString());
        LocalDate expiresOn = startsOn.plusYears(1).minusDays(1);
        JsonNode dashboard =
                awaitMembership(card, m -> m.path("status").asString().equals("ACTIVE"));
        assertThat(dashboard.path("membershipNumber").asString()).isEqualTo(number);
        assertThat(dashboard.path("tier").asString()).isEqualTo("SILVER");
        assertThat(dashboard.path("tierName").asString()).isEqualTo("Silver");
        assertThat(dashboard.path("expiresDisplay").asString()).isEqualTo(expiresOn.format(DISPLAY));
        assertThat(dashboard.path("autoRenew").asBoolean()).isTrue();
        assertThat(List.of(
                        number,
                        ok(http.get("/api/membership", bank.token()))
                                .path("membershipNumber")
                                .asString(),
                        renewingTerm.path("membershipNumber").asString()))
                .doesNotHaveDuplicates();

        // the invoice follows at once in local mode: UK VAT on £85.00, the PO number, a PDF, an e-mail with it
        JsonNode invoice = awaitInvoice(card, "OPEN");
        assertThat(invoice.path("number").asString()).matches("CPS-GB-\\d{4}-\\d{6}");
        assertThat(invoice.path("net").path("amount").asString()).isEqualTo("85.00");
        assertThat(invoice.path("vat").path("amount").asString()).isEqualTo("17.00");
        assertThat(invoice.path("gross").path("amount").asString()).isEqualTo("102.00");
        assertThat(invoice.path("vatTreatment").asString()).isEqualTo("UK_VAT");
        assertThat(invoice.path("purchaseOrderNumber").asString()).isEqualTo("PO-7781");
        String pdf = pdfText(invoice.path("invoiceId").asString(), card.token());
        assertThat(pdf).contains(invoice.path("number").asString(), "PO-7781", "85.00", "17.00", "102.00");
        awaitMail(card, invoice.path("number").asString());
        awaitMail(card, number); // membership activated

        // bank transfer: the RF reference from the invoice, paid by a statement an operator imports
        JsonNode bankInvoice = awaitInvoice(bank, "OPEN");
        String reference = bankInvoice.path("paymentReference").asString();
        assertThat(reference).startsWith("RF");
        HttpTestClient.Response imported = http.post(
                "/api/billing/bank-statements",
                "application/xml",
                statement(reference, bankInvoice.path("gross").path("amount").asString()),
                SharedPlatform.operatorToken());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("matched").asInt()).isEqualTo(1);
        awaitInvoice(bank, "PAID");

        // the third switches auto-renewal off
        HttpTestClient.Response off =
                http.patchJson("/api/membership/subscription", "{\"autoRenew\": false}", lapsing.token());
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        awaitMembership(lapsing, m -> !m.path("autoRenew").asBoolean());

        // 30 days later the card is charged on the due date and the invoice is paid
        advanceClock("P30D");
        awaitInvoice(card, "PAID");

        // a year later: the third has expired, the fourth runs on from the day after its expiry and is invoiced again
        advanceClock("P336D");
        JsonNode expired =
                awaitMembership(lapsing, m -> m.path("status").asString().equals("EXPIRED"));
        assertThat(expired.path("membershipNumber").asString()).matches("[1-9][0-9]{8}");
        LocalDate renewingExpiry =
                LocalDate.parse(renewingTerm.path("expiresOn").asString());
        JsonNode renewed = awaitMembership(
                renewing,
                m -> m.path("expiresOn")
                        .asString()
                        .equals(renewingExpiry.plusYears(1).toString()));
        assertThat(renewed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(renewed.path("startsOn").asString())
                .isEqualTo(renewingExpiry.plusDays(1).toString());
        await().atMost(WAIT).until(() -> invoices(renewing).size() == 2);
        assertThat(ok(http.get("/api/membership", card.token())).path("status").asString())
                .isEqualTo("ACTIVE");
    }

    // ---- steps -----------------------------------------------------------------------------------------------------

    /** Applies (GB, VAT-liable, verified by the registry policy), sets the password, logs in, earns 580 points. */
    private Member invitedMember(String name) {
        String email = "seed-" + name + "-" + run + "@lumen.example";
        String token = Journeys.verifiedMember(
                new HashMap<>(Applications.gbVatLiable("Lumen " + name + " Ltd", email)), email);
        String accountId =
                ok(http.get("/api/accounts/me", token)).path("accountId").asString();
        Member member = new Member(email, token, accountId);
        register(member, "EOS-R5-MARK-II");
        register(member, "EOS-R5");
        awaitMembership(member, m -> m.path("status").asString().equals("INVITED"));
        await().atMost(WAIT)
                .until(() -> ok(http.get("/api/membership/tiers", token))
                                .path("points")
                                .asInt()
                        == 580);
        return member;
    }

    private void register(Member member, String model) {
        HttpTestClient.Response r = http.postJson(
                "/api/products",
                HttpTestClient.json(Map.of(
                        "modelCode", model,
                        "serialNumber", model + "-" + member.accountId().substring(0, 13),
                        "purchaseDate", "2025-06-01",
                        "countryOfPurchase", "GB",
                        "dealer", "Wex Photo")),
                member.token());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private HttpTestClient.Response checkout(
            Member member, String tier, String method, String cardToken, String po, boolean terms) {
        Map<String, Object> body = new HashMap<>();
        body.put("tier", tier);
        body.put("autoRenew", true);
        body.put("termsAccepted", terms);
        body.put("termsVersion", "2024-01");
        body.put("paymentMethod", method);
        if (cardToken != null) {
            body.put("cardToken", cardToken);
        }
        if (po != null) {
            body.put("purchaseOrderNumber", po);
        }
        return http.postJson("/api/membership/checkout", HttpTestClient.json(body), member.token());
    }

    private JsonNode checkoutOk(Member member, String method, String cardToken, String po) {
        HttpTestClient.Response r = checkout(member, "SILVER", method, cardToken, po, true);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("ACTIVE");
        return r.json();
    }

    private void advanceClock(String period) {
        HttpTestClient.Response r = http.postJson("/dev/clock", "{\"advance\": \"" + period + "\"}", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode awaitMembership(Member member, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(WAIT).until(() -> ok(http.get("/api/membership", member.token())), condition);
    }

    private List<JsonNode> invoices(Member member) {
        List<JsonNode> list = new ArrayList<>();
        ok(http.get("/api/invoices", member.token())).forEach(list::add);
        return list;
    }

    private JsonNode awaitInvoice(Member member, String status) {
        return await().atMost(WAIT)
                .until(
                        () -> invoices(member),
                        l -> !l.isEmpty() && l.get(0).path("status").asString().equals(status))
                .get(0);
    }

    private void awaitMail(Member member, String containing) {
        Journeys.MAIL.waitingAtMost(WAIT).awaitMailContaining(member.email(), containing);
    }

    private String pdfText(String invoiceId, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + SharedPlatform.get().entryPointPort() + "/api/invoices/" + invoiceId
                                        + "/pdf"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static JsonNode ok(HttpTestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String statement(String reference, String amount) {
        String today = LocalDate.now().toString();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-%1$s</MsgId><CreDtTm>%2$sT08:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-%1$s</Id><CreDtTm>%2$sT08:00:00</CreDtTm>
                      <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="GBP">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>%2$s</Dt></BookgDt><AcctSvcrRef>BANK-%1$s</AcctSvcrRef>
                        <NtryDtls><TxDtls>
                          <RltdPties><Dbtr><Nm>Lumen bank Ltd</Nm></Dbtr></RltdPties>
                          <RmtInf><Strd><CdtrRefInf><Ref>%3$s</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(UUID.randomUUID(), today, reference, amount);
    }
}
