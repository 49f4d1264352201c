package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.HttpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a member does after the first day, through the entry point and the real broker (issue 15, part B): products
 * registered without a serial number and the points history (product → points → notification); the price preview
 * before PURCHASE and the invoice that follows (account, verification → membership; membership → billing); and the
 * unhappy path of a card: charges declined through every retry, the membership suspended at the last dunning step, a new
 * card declined, another verified and charged at once, the membership active again, then a credit note refunding the
 * payment (membership ↔ billing → notification), each step with its e-mail.
 *
 * <p>This test moves the shared platform's business clock forward by 44 days.
 */
class AfterCheckoutJourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private final HttpTestClient http = SharedPlatform.http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private record Member(String email, String token, String accountId) {}

    @Test
    void productsWithoutSerial_andEveryChangeOfThePointsInTheHistory() {
        Member member = member("serial", Applications.gbVatLiable("Lumen serial Ltd", email("serial")));
        HttpTestClient.Response created = http.postJson(
                "/api/products",
                HttpTestClient.json(Map.of(
                        "modelCode", "EOS-R5",
                        "purchaseDate", "2025-06-01",
                        "countryOfPurchase", "GB",
                        "dealer", "Wex Photo")),
                member.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("complete").asBoolean()).isFalse();
        assertThat(strings(created.json().path("missingDetails"))).containsExactly("SERIAL_NUMBER");
        String camera = created.json().path("productId").asString();

        String serial = "SN-" + UUID.randomUUID().toString().substring(0, 12);
        HttpTestClient.Response given =
                http.patchJson("/api/products/" + camera, "{\"serialNumber\": \"" + serial + "\"}", member.token());
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().path("complete").asBoolean()).isTrue();
        await().atMost(WAIT)
                .until(() -> ok(http.get("/api/points", member.token()))
                                .path("balance")
                                .asInt()
                        == 280);

        // the serial belongs to this member now
        Member other = member("serial-other", Applications.gbVatLiable("Lumen other Ltd", email("serial-other")));
        assertThat(http.postJson(
                                "/api/products",
                                HttpTestClient.json(Map.of("modelCode", "EOS-R5", "serialNumber", serial)),
                                other.token())
                        .status())
                .isEqualTo(409);

        // a lens registered incomplete and completed later, then the camera deregistered
        String lens = created(member, Map.of("modelCode", "RF-50-F1.2L-USM", "serialNumber", serial + "-L"));
        assertThat(http.patchJson(
                                "/api/products/" + lens,
                                "{\"purchaseDate\": \"2025-07-01\", \"countryOfPurchase\": \"GB\", \"dealer\": \"Jessops\"}",
                                member.token())
                        .status())
                .isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> ok(http.get("/api/points", member.token()))
                                .path("balance")
                                .asInt()
                        == 420);
        assertThat(http.delete("/api/products/" + camera, member.token()).status())
                .isEqualTo(204);

        JsonNode history = await().atMost(WAIT)
                .until(() -> ok(http.get("/api/points/history", member.token())), h -> h.size() == 3);
        assertThat(reasons(history)).containsExactly("PRODUCT_DEREGISTERED", "PRODUCT_COMPLETED", "PRODUCT_REGISTERED");
        assertThat(history.get(0).path("change").asInt()).isEqualTo(-280);
        assertThat(history.get(0).path("balance").asInt()).isEqualTo(140);
        assertThat(history.get(0).path("registrationId").asString()).isEqualTo(camera);
        assertThat(history.get(1).path("change").asInt()).isEqualTo(140);
        assertThat(history.get(1).path("registrationId").asString()).isEqualTo(lens);
        assertThat(history.get(2).path("balance").asInt()).isEqualTo(280);

        awaitMail(member, "You were credited 280 CPS points");
        awaitMail(member, "You were credited 140 CPS points");
    }

    @Test
    void thePricePreview_isWhatTheInvoiceThenSays_ukVatAndReverseCharge() {
        Member uk = invited("preview-uk", Applications.gbVatLiable("Lumen preview Ltd", email("preview-uk")));
        Member de = invited("preview-de", deVatLiable("Bildwerk preview GmbH", email("preview-de")));

        JsonNode ukPreview = preview(uk);
        assertThat(ukPreview.path("vatTreatment").asString()).isEqualTo("UK_VAT");
        assertThat(ukPreview.path("total").path("amount").asString()).isEqualTo("102.00");
        JsonNode dePreview = preview(de);
        assertThat(dePreview.path("vatTreatment").asString()).isEqualTo("REVERSE_CHARGE");
        assertThat(dePreview.path("total").path("amount").asString()).isEqualTo("100.00");
        assertThat(dePreview.path("total").path("currency").asString()).isEqualTo("EUR");

        for (Map.Entry<Member, JsonNode> e :
                Map.of(uk, ukPreview, de, dePreview).entrySet()) {
            checkout(e.getKey(), "BANK_TRANSFER", null);
            JsonNode invoice = awaitInvoice(e.getKey(), i -> true);
            JsonNode p = e.getValue();
            assertThat(invoice.path("net")).isEqualTo(p.path("net"));
            assertThat(invoice.path("vat")).isEqualTo(p.path("vat"));
            assertThat(invoice.path("gross")).isEqualTo(p.path("total"));
            assertThat(invoice.path("vatRate").asString())
                    .isEqualTo(p.path("vatRate").asString());
            assertThat(invoice.path("vatTreatment").asString())
                    .isEqualTo(p.path("vatTreatment").asString());
        }
        assertThat(http.get("/api/membership/checkout/preview?tier=PLATINUM", uk.token())
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/api/membership/checkout/preview", uk.token()).status())
                .isEqualTo(400);
    }

    @Test
    void anUnpaidCardInvoice_suspends_aNewCardPaysIt_andACreditNoteRefundsIt() throws Exception {
        Member member = invited("card", Applications.gbVatLiable("Lumen card Ltd", email("card")));
        JsonNode term = checkout(member, "CARD", "tok_decline_charge");
        String number = term.path("membershipNumber").asString();

        // manage the subscription: Gold is beyond the points, the end date shows while auto-renewal is off
        JsonNode active =
                awaitMembership(member, m -> m.path("status").asString().equals("ACTIVE"));
        assertThat(active.path("nextTier").asString()).isEqualTo("SILVER");
        assertThat(http.patchJson("/api/membership/subscription", "{\"nextTier\": \"GOLD\"}", member.token())
                        .status())
                .isEqualTo(422);
        assertThat(http.patchJson("/api/membership/subscription", "{\"autoRenew\": false}", member.token())
                        .status())
                .isEqualTo(200);
        assertThat(awaitMembership(member, m -> !m.path("endsOn").isNull())
                        .path("endsOn")
                        .asString())
                .isEqualTo(term.path("expiresOn").asString());

        // the due date and both retries decline; the last dunning step suspends the membership
        JsonNode invoice = awaitInvoice(member, i -> i.path("status").asString().equals("OPEN"));
        String invoiceId = invoice.path("invoiceId").asString();
        // each retry is dated from the failure before it: move on only once that failure is told
        int attempt = 0;
        for (String period : List.of("P30D", "P3D", "P7D")) {
            advanceClock(period);
            int failures = ++attempt;
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(failures(member))
                            .as(
                                    "mails %s, invoice %s, clock %s",
                                    Journeys.mails(member.email()).stream()
                                            .map(CapturedMail::subject)
                                            .toList(),
                                    http.get("/api/invoices/" + invoiceId, member.token())
                                            .body(),
                                    http.get("/dev/clock", null).body())
                            .isEqualTo(failures));
        }
        assertThat(awaitMembership(member, m -> true).path("status").asString()).isEqualTo("ACTIVE");
        advanceClock("P4D");
        JsonNode suspended =
                awaitMembership(member, m -> m.path("status").asString().equals("SUSPENDED"));
        assertThat(suspended.path("membershipNumber").asString()).isEqualTo(number);
        assertThat(text(awaitMail(member, "Your CPS membership is suspended")))
                .contains(invoice.path("number").asString());

        // a new card that is declined changes nothing; one that is verified pays the invoice at once
        HttpTestClient.Response declined = putCard(member, "tok_decline_verify");
        assertThat(declined.status()).as(declined.body()).isEqualTo(202);
        awaitMail(member, "Your new card could not be verified");
        assertThat(awaitMembership(member, m -> true).path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(putCard(member, "4242 4242 4242 4242").status()).isEqualTo(400);
        HttpTestClient.Response accepted = putCard(member, "tok_visa");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asString()).isEqualTo("VERIFYING");
        awaitInvoice(member, i -> i.path("status").asString().equals("PAID"));
        assertThat(awaitMembership(member, m -> m.path("status").asString().equals("ACTIVE"))
                        .path("suspendedOn")
                        .isNull())
                .isTrue();
        awaitMail(member, "We received your payment of £102.00");
        awaitMail(member, "Invoice " + invoice.path("number").asString() + " is paid");
        awaitMail(member, "Your CPS membership is active again");

        // a credit note for the paid invoice: its own number, the card refunded, the invoice credited
        String operator = SharedPlatform.operatorToken();
        String path = "/api/billing/invoices/" + invoiceId + "/credit-notes";
        assertThat(http.postJson(path, "{\"reason\": \"x\"}", member.token()).status())
                .isEqualTo(403);
        assertThat(http.postJson(path, "{\"reason\": \"Wrong price\", \"amount\": \"500.00\"}", operator)
                        .status())
                .isEqualTo(400);
        HttpTestClient.Response credit = http.postJson(path, "{\"reason\": \"Order cancelled\"}", operator);
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
        String creditNote = credit.json().path("number").asString();
        assertThat(creditNote).matches("CN-GB-\\d{4}-\\d{6}");
        JsonNode details = await().atMost(WAIT)
                .until(
                        () -> ok(http.get("/api/invoices/" + invoiceId, member.token())),
                        d -> d.path("creditNotes").size() == 1
                                && d.path("creditNotes")
                                        .get(0)
                                        .path("refund")
                                        .path("status")
                                        .asString()
                                        .equals("REFUNDED"));
        assertThat(details.path("status").asString()).isEqualTo("CREDITED");
        assertThat(text(awaitMail(
                        member,
                        "Credit note " + creditNote + " for invoice "
                                + invoice.path("number").asString())))
                .contains("We will refund £102.00 to the card");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base()
                                        + details.path("creditNotes")
                                                .get(0)
                                                .path("pdf")
                                                .asString()))
                                .header("Authorization", "Bearer " + member.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    // ---- steps -----------------------------------------------------------------------------------------------------

    private String email(String name) {
        return "after-" + name + "-" + run + "@lumen.example";
    }

    private Member member(String name, Map<String, Object> application) {
        String email = email(name);
        String token = Journeys.verifiedMember(new HashMap<>(application), email);
        String accountId =
                ok(http.get("/api/accounts/me", token)).path("accountId").asString();
        return new Member(email, token, accountId);
    }

    /** A member with 580 points, invited to CPS. */
    private Member invited(String name, Map<String, Object> application) {
        Member member = member(name, application);
        for (String model : List.of("EOS-R5-MARK-II", "EOS-R5")) {
            created(
                    member,
                    Map.of(
                            "modelCode", model,
                            "serialNumber", model + "-" + member.accountId().substring(0, 13),
                            "purchaseDate", "2025-06-01",
                            "countryOfPurchase", "GB",
                            "dealer", "Wex Photo"));
        }
        awaitMembership(member, m -> m.path("status").asString().equals("INVITED"));
        await().atMost(WAIT)
                .until(() -> ok(http.get("/api/membership/tiers", member.token()))
                                .path("points")
                                .asInt()
                        == 580);
        return member;
    }

    private String created(Member member, Map<String, Object> product) {
        HttpTestClient.Response r = http.postJson("/api/products", HttpTestClient.json(product), member.token());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("productId").asString();
    }

    private JsonNode preview(Member member) {
        return await().atMost(WAIT)
                .until(
                        () -> http.get("/api/membership/checkout/preview?tier=SILVER", member.token()),
                        r -> r.status() == 200)
                .json();
    }

    private JsonNode checkout(Member member, String method, String cardToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tier", "SILVER");
        body.put("autoRenew", true);
        body.put("termsAccepted", true);
        body.put("termsVersion", "2024-01");
        body.put("paymentMethod", method);
        if (cardToken != null) {
            body.put("cardToken", cardToken);
        }
        HttpTestClient.Response r =
                http.postJson("/api/membership/checkout", HttpTestClient.json(body), member.token());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private HttpTestClient.Response putCard(Member member, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/membership/payment-method"))
                                .header("Authorization", "Bearer " + member.token())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"cardToken\": \"" + token + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new HttpTestClient.Response(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static long failures(Member member) {
        return Journeys.mails(member.email()).stream()
                .filter(m -> m.subject().startsWith("Payment for invoice"))
                .count();
    }

    private void advanceClock(String period) {
        HttpTestClient.Response r = http.postJson("/dev/clock", "{\"advance\": \"" + period + "\"}", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode awaitMembership(Member member, Predicate<JsonNode> condition) {
        return await().atMost(WAIT).until(() -> ok(http.get("/api/membership", member.token())), condition);
    }

    private JsonNode awaitInvoice(Member member, Predicate<JsonNode> condition) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            List<JsonNode> list = new ArrayList<>();
                            ok(http.get("/api/invoices", member.token())).forEach(list::add);
                            return list;
                        },
                        l -> !l.isEmpty() && condition.test(l.get(0)))
                .get(0);
    }

    private static CapturedMail awaitMail(Member member, String subject) {
        return await().atMost(WAIT)
                .until(
                        () -> Journeys.mails(member.email()).stream()
                                .filter(m -> m.subject().equals(subject))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
    }

    private static String text(CapturedMail mail) {
        return mail.text().replace("\r\n", "\n");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> reasons(JsonNode history) {
        List<String> values = new ArrayList<>();
        history.forEach(h -> values.add(h.path("reason").asString()));
        return values;
    }

    private static String base() {
        return "http://127.0.0.1:" + SharedPlatform.get().entryPointPort();
    }

    private static JsonNode ok(HttpTestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A German business, VAT-liable, whose VAT ID the registry (the simulator) confirms: approved by policy. */
    private static Map<String, Object> deVatLiable(String company, String email) {
        Map<String, Object> application = new HashMap<>(Applications.deNonVat(company, email));
        application.put("vatLiable", true);
        application.put("vatId", "DE136695976");
        return application;
    }
}
