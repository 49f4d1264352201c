package com.canon.cps.membership.subscription;

import static com.canon.cps.platform.test.Problems.assertFieldError;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.membership.MembershipServiceTest;
import com.canon.cps.membership.Upstream;
import com.canon.cps.membership.contract.MembershipReactivated;
import com.canon.cps.membership.contract.MembershipSuspended;
import com.canon.cps.membership.contract.NextTierChanged;
import com.canon.cps.membership.contract.PaymentMethodChangeRequested;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Self-service after checkout, through the real broker: the price preview by the buyer's VAT treatment (learnt from
 * account and verification events), the next term's tier and the end date, a new card (a request billing answers),
 * and the suspension for an invoice unpaid after dunning with its reactivation (from billing events).
 */
@MembershipServiceTest
class SubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "cps.membership.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineScheduler deadlines;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    // ---- price preview ---------------------------------------------------------------------------------------------

    @Test
    void preview_appliesTheBuyersVatTreatment_asBillingWillInvoiceIt() {
        String gb = buyer("GB", true, "GB980780684", "GB980780684", 600);
        String deConfirmed = buyer("DE", true, "DE129273398", "DE129273398", 600);
        String deUnconfirmed = buyer("DE", true, "DE129273398", null, 600);
        String nl = buyer("NL", true, "NL004495445B01", "NL004495445B01", 600);
        String ch = buyer("CH", true, "CHE116281710", "CHE116281710", 600);

        assertPreview(awaitPreview(gb, "SILVER"), "GBP", "85.00", "17.00", "20.00", "UK_VAT", "102.00");
        JsonNode rc = awaitPreview(deConfirmed, "SILVER");
        assertPreview(rc, "EUR", "100.00", "0.00", "0.00", "REVERSE_CHARGE", "100.00");
        assertThat(rc.path("vatNote").asString()).startsWith("Reverse charge");
        assertPreview(awaitPreview(deUnconfirmed, "silver"), "EUR", "100.00", "21.00", "21.00", "DOMESTIC", "121.00");
        assertPreview(awaitPreview(nl, "SILVER"), "EUR", "100.00", "21.00", "21.00", "DOMESTIC", "121.00");
        JsonNode outside = awaitPreview(ch, "SILVER");
        assertPreview(outside, "CHF", "95.00", "0.00", "0.00", "NON_EU", "95.00");
        assertThat(outside.path("vatNote").asString()).startsWith("Not subject to EU VAT");
        assertThat(outside.path("tierName").asString()).isEqualTo("Silver");
        assertThat(outside.path("term").asString()).isEqualTo("P1Y");
    }

    @Test
    void preview_refusesBadInputAndUnmetConditions() {
        String gb = buyer("GB", true, "GB980780684", "GB980780684", 600);
        awaitPreview(gb, "SILVER");
        assertFieldError(http.get("/api/membership/checkout/preview", TestTokens.member(gb)), 400, "tier");
        assertFieldError(http.get("/api/membership/checkout/preview?tier=", TestTokens.member(gb)), 400, "tier");
        assertFieldError(http.get("/api/membership/checkout/preview?tier=BRONZE", TestTokens.member(gb)), 400, "tier");
        assertFieldError(http.get("/api/membership/checkout/preview?tier=GOLD", TestTokens.member(gb)), 422, "tier");
        assertProblem(
                http.get(
                        "/api/membership/checkout/preview?tier=SILVER",
                        TestTokens.member(UUID.randomUUID().toString())),
                422);
        assertThat(http.get("/api/membership/checkout/preview?tier=SILVER", null)
                        .status())
                .isEqualTo(401);

        // invited, but the application was never seen: no VAT treatment can be told yet
        String unknown = UUID.randomUUID().toString();
        Upstream.invited(unknown, "GB", 600);
        Upstream.flush();
        await().atMost(WAIT)
                .until(() -> http.get("/api/membership", TestTokens.member(unknown))
                        .json()
                        .path("status")
                        .asString()
                        .equals("INVITED"));
        assertProblem(http.get("/api/membership/checkout/preview?tier=SILVER", TestTokens.member(unknown)), 422);
    }

    // ---- next tier, end date ---------------------------------------------------------------------------------------

    @Test
    void nextTier_isChosenWithinThePoints_shownOnTheDashboard_andOrderedByTheRenewal() {
        String account = buyer("GB", true, "GB980780684", "GB980780684", 600);
        JsonNode term = checkout(account, "CARD", "tok_visa");
        LocalDate expiresOn = LocalDate.parse(term.path("expiresOn").asString());
        JsonNode dashboard =
                awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));
        assertThat(dashboard.path("nextTier").asString()).isEqualTo("SILVER");
        assertThat(dashboard.path("endsOn").isNull()).isTrue();

        // Gold needs 1,000 points: refused, nothing recorded
        assertFieldError(patch(account, "{\"nextTier\": \"GOLD\"}"), 422, "nextTier");
        assertFieldError(patch(account, "{\"nextTier\": \"BRONZE\"}"), 400, "nextTier");
        assertFieldError(patch(account, "{\"nextTier\": \" \"}"), 400, "nextTier");
        assertFieldError(patch(account, "{}"), 400, "autoRenew");
        assertFieldError(patch(account, "{\"autoRenew\": false, \"nextTier\": \"GOLD\"}"), 422, "nextTier");
        assertThat(http.get("/api/membership", TestTokens.member(account))
                        .json()
                        .path("autoRenew")
                        .asBoolean())
                .isTrue();

        Upstream.balance(account, 1200);
        Upstream.flush();
        await().atMost(WAIT)
                .until(() -> patch(account, "{\"nextTier\": \"gold\"}").status() == 200);
        HttpTestClient.Response changed = patch(account, "{\"nextTier\": \"GOLD\"}");
        assertThat(changed.json().path("nextTier").asString()).isEqualTo("GOLD");
        assertThat(changed.json().path("autoRenew").asBoolean()).isTrue();
        JsonNode gold =
                awaitDashboard(account, m -> m.path("nextTier").asString().equals("GOLD"));
        assertThat(gold.path("nextTierName").asString()).isEqualTo("Gold");
        assertThat(gold.path("tier").asString()).isEqualTo("SILVER");
        NextTierChanged published = published(account, NextTierChanged.TYPE, NextTierChanged.class);
        assertThat(published.tier()).isEqualTo("SILVER");
        assertThat(published.nextTier()).isEqualTo("GOLD");
        assertThat(publishedAll(account, NextTierChanged.TYPE, NextTierChanged.class))
                .hasSize(1);

        // switched off: the dashboard shows the end date and no next tier
        assertThat(patch(account, "{\"autoRenew\": false}").status()).isEqualTo(200);
        JsonNode ending = awaitDashboard(account, m -> !m.path("autoRenew").asBoolean());
        assertThat(ending.path("endsOn").asString()).isEqualTo(expiresOn.toString());
        assertThat(ending.path("nextTier").isNull()).isTrue();
        assertThat(patch(account, "{\"autoRenew\": true}").status()).isEqualTo(200);
        awaitDashboard(
                account,
                m -> m.path("endsOn").isNull() && m.path("nextTier").asString().equals("GOLD"));

        // the renewal orders Gold at Gold's price; the ordered term's tier is fixed from then on
        moveClockTo(expiresOn.minusDays(13));
        SubscriptionOrdered renewal = awaitRenewal(account);
        assertThat(renewal.tier()).isEqualTo("GOLD");
        assertThat(renewal.price().amount()).isEqualTo("170.00");
        assertProblem(patch(account, "{\"nextTier\": \"SILVER\"}"), 409);
    }

    // ---- new card --------------------------------------------------------------------------------------------------

    @Test
    void newCard_isRequestedFromBilling_andOnceVerifiedTheRenewalIsOrderedWithIt() {
        String account = buyer("GB", true, "GB980780684", "GB980780684", 600);
        JsonNode term = checkout(account, "CARD", "tok_visa");
        awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));

        assertFieldError(putCard(account, "{}"), 400, "cardToken");
        assertFieldError(putCard(account, "{\"cardToken\": \"4242 4242 4242 4242\"}"), 400, "cardToken");
        assertFieldError(putCard(account, ""), 400, "cardToken");
        HttpTestClient.Response accepted = putCard(account, "{\"cardToken\": \"tok_new_card\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("status").asString()).isEqualTo("VERIFYING");
        String requestId = accepted.json().path("requestId").asString();
        PaymentMethodChangeRequested request =
                published(account, PaymentMethodChangeRequested.TYPE, PaymentMethodChangeRequested.class);
        assertThat(request.requestId()).isEqualTo(requestId);
        assertThat(request.cardTokenReference()).isEqualTo("tok_new_card");
        assertThat(request.currency()).isEqualTo("GBP");
        assertThat(request.paymentMethod()).isEqualTo("CARD");
        assertThat(request.membershipNumber())
                .isEqualTo(term.path("membershipNumber").asString());

        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("accountId", account);
        changed.put("requestId", requestId);
        changed.put("paymentMethod", "CARD");
        changed.put("cardTokenReference", "tok_new_card");
        changed.put("gatewayReference", "seti_123");
        changed.put("changedAt", Instant.now().toString());
        Upstream.billing(account, UUID.randomUUID().toString(), "cps.billing.PaymentMethodChanged.v1", changed);
        Upstream.flush();

        // another member pays by bank transfer, a third has no membership: no card to change
        String byTransfer = buyer("GB", true, "GB980780684", "GB980780684", 600);
        checkout(byTransfer, "BANK_TRANSFER", null);
        assertProblem(putCard(byTransfer, "{\"cardToken\": \"tok_visa\"}"), 409);
        assertProblem(putCard(UUID.randomUUID().toString(), "{\"cardToken\": \"tok_visa\"}"), 409);

        moveClockTo(LocalDate.parse(term.path("expiresOn").asString()).minusDays(13));
        assertThat(awaitRenewal(account).cardTokenReference()).isEqualTo("tok_new_card");
    }

    // ---- suspension ------------------------------------------------------------------------------------------------

    @Test
    void unpaidAfterDunning_suspends_andThePayment_reactivates_onceEach() {
        String account = buyer("GB", true, "GB980780684", "GB980780684", 600);
        JsonNode term = checkout(account, "CARD", "tok_decline_charge");
        awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));
        String invoiceId = UUID.randomUUID().toString();

        String exhausted = UUID.randomUUID().toString();
        Map<String, Object> unpaid = dunningExhausted(account, invoiceId);
        Upstream.billing(account, exhausted, "cps.billing.InvoiceDunningExhausted.v1", unpaid);
        Upstream.billing(account, exhausted, "cps.billing.InvoiceDunningExhausted.v1", unpaid); // redelivered
        Upstream.flush();
        JsonNode suspended =
                awaitDashboard(account, m -> m.path("status").asString().equals("SUSPENDED"));
        assertThat(suspended.path("suspendedOn").asString()).isNotBlank();
        assertThat(suspended.path("membershipNumber").asString())
                .isEqualTo(term.path("membershipNumber").asString());
        MembershipSuspended s = published(account, MembershipSuspended.TYPE, MembershipSuspended.class);
        assertThat(s.invoiceId()).isEqualTo(invoiceId);
        assertThat(s.invoiceNumber()).isEqualTo("CPS-GB-2026-000777");
        assertThat(s.reason()).isEqualTo("UNPAID_INVOICE");
        assertProblem(
                http.postJson(
                        "/api/membership/checkout",
                        checkoutBody("SILVER", "CARD", "tok_visa"),
                        TestTokens.member(account)),
                409);

        Map<String, Object> paid = new LinkedHashMap<>();
        paid.put("accountId", account);
        paid.put("invoiceId", invoiceId);
        paid.put("number", "CPS-GB-2026-000777");
        paid.put("method", "CARD");
        paid.put("paidOn", LocalDate.now().toString());
        paid.put("paidAt", Instant.now().toString());
        Upstream.billing(account, UUID.randomUUID().toString(), "cps.billing.InvoicePaid.v1", paid);
        Upstream.flush();
        JsonNode active =
                awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));
        assertThat(active.path("suspendedOn").isNull()).isTrue();
        MembershipReactivated r = published(account, MembershipReactivated.TYPE, MembershipReactivated.class);
        assertThat(r.invoiceId()).isEqualTo(invoiceId);
        assertThat(r.reason()).isEqualTo("INVOICE_PAID");
        assertThat(publishedAll(account, MembershipSuspended.TYPE, Object.class))
                .hasSize(1);
        assertThat(publishedAll(account, MembershipReactivated.TYPE, Object.class))
                .hasSize(1);
    }

    @Test
    void aCreditNoteThatCreditsTheUnpaidInvoiceInFull_reactivates_aPartialOneDoesNot() {
        String account = buyer("GB", true, "GB980780684", "GB980780684", 600);
        checkout(account, "BANK_TRANSFER", null);
        awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));
        String invoiceId = UUID.randomUUID().toString();
        Upstream.billing(
                account,
                UUID.randomUUID().toString(),
                "cps.billing.InvoiceDunningExhausted.v1",
                dunningExhausted(account, invoiceId));
        Upstream.billing(
                account,
                UUID.randomUUID().toString(),
                "cps.billing.CreditNoteIssued.v1",
                creditNote(account, invoiceId, "OVERDUE"));
        Upstream.flush();
        awaitDashboard(account, m -> m.path("status").asString().equals("SUSPENDED"));
        Upstream.billing(
                account,
                UUID.randomUUID().toString(),
                "cps.billing.CreditNoteIssued.v1",
                creditNote(account, invoiceId, "CREDITED"));
        Upstream.flush();
        awaitDashboard(account, m -> m.path("status").asString().equals("ACTIVE"));
        assertThat(published(account, MembershipReactivated.TYPE, MembershipReactivated.class)
                        .reason())
                .isEqualTo("INVOICE_CREDITED");
    }

    @Test
    void billingEventsOfAnAccountWithoutMembership_changeNothing() {
        String account = UUID.randomUUID().toString();
        String invoiceId = UUID.randomUUID().toString();
        Upstream.billing(
                account,
                UUID.randomUUID().toString(),
                "cps.billing.InvoiceDunningExhausted.v1",
                dunningExhausted(account, invoiceId));
        Upstream.flush();
        String marker = buyer("GB", true, "GB980780684", "GB980780684", 600);
        awaitPreview(marker, "SILVER");
        assertThat(http.get("/api/membership", TestTokens.member(account))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("NONE");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** An invited account with its application and verification as billing would know them. */
    private static String buyer(String country, boolean vatLiable, String vatId, String confirmedVatId, int points) {
        String account = UUID.randomUUID().toString();
        Upstream.applied(account, country, vatLiable, vatId);
        Upstream.verified(account, confirmedVatId);
        Upstream.invited(account, country, points);
        Upstream.flush();
        return account;
    }

    private JsonNode awaitPreview(String account, String tier) {
        return await().atMost(WAIT)
                .until(
                        () -> http.get("/api/membership/checkout/preview?tier=" + tier, TestTokens.member(account)),
                        r -> r.status() == 200)
                .json();
    }

    private static void assertPreview(
            JsonNode p, String currency, String net, String vat, String rate, String treatment, String total) {
        assertThat(p.path("tier").asString()).isEqualTo("SILVER");
        assertThat(p.path("net").path("amount").asString()).isEqualTo(net);
        assertThat(p.path("net").path("currency").asString()).isEqualTo(currency);
        assertThat(p.path("vat").path("amount").asString()).isEqualTo(vat);
        assertThat(p.path("vat").path("currency").asString()).isEqualTo(currency);
        assertThat(p.path("vatRate").asString()).isEqualTo(rate);
        assertThat(p.path("vatTreatment").asString()).isEqualTo(treatment);
        assertThat(p.path("total").path("amount").asString()).isEqualTo(total);
        assertThat(p.path("total").path("currency").asString()).isEqualTo(currency);
    }

    private JsonNode checkout(String account, String method, String token) {
        await().atMost(WAIT)
                .until(() -> http.get("/api/membership/tiers", TestTokens.member(account))
                        .json()
                        .path("invited")
                        .asBoolean());
        HttpTestClient.Response r = await().atMost(WAIT)
                .until(
                        () -> http.postJson(
                                "/api/membership/checkout",
                                checkoutBody("SILVER", method, token),
                                TestTokens.member(account)),
                        c -> c.status() != 422);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String checkoutBody(String tier, String method, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tier", tier);
        body.put("autoRenew", true);
        body.put("termsAccepted", true);
        body.put("termsVersion", "2024-01");
        body.put("paymentMethod", method);
        if (token != null) {
            body.put("cardToken", token);
        }
        return HttpTestClient.json(body);
    }

    private HttpTestClient.Response patch(String account, String body) {
        return http.patchJson("/api/membership/subscription", body, TestTokens.member(account));
    }

    /** {@code PUT /api/membership/payment-method} (the shared test client has no PUT). */
    private HttpTestClient.Response putCard(String account, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/membership/payment-method"))
                                    .header("Authorization", "Bearer " + TestTokens.member(account))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new HttpTestClient.Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitDashboard(String account, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(WAIT)
                .until(
                        () -> http.get("/api/membership", TestTokens.member(account))
                                .json(),
                        condition);
    }

    private void moveClockTo(LocalDate day) {
        Instant target = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (target.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), target));
        }
        deadlines.fireDue();
    }

    private static SubscriptionOrdered awaitRenewal(String account) {
        return await().atMost(WAIT)
                .until(
                        () -> publishedAll(account, SubscriptionOrdered.TYPE, SubscriptionOrdered.class).stream()
                                .filter(SubscriptionOrdered::renewal)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Map<String, Object> dunningExhausted(String account, String invoiceId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("accountId", account);
        e.put("invoiceId", invoiceId);
        e.put("subscriptionId", UUID.randomUUID().toString());
        e.put("number", "CPS-GB-2026-000777");
        e.put("amountDue", Map.of("amount", "102.00", "currency", "GBP"));
        e.put("dueDate", LocalDate.now().toString());
        e.put("paymentMethod", "CARD");
        e.put("exhaustedAt", Instant.now().toString());
        return e;
    }

    /** Only the fields membership reads; a tolerant reader ignores that the rest is missing. */
    private static Map<String, Object> creditNote(String account, String invoiceId, String invoiceStatus) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("accountId", account);
        e.put("creditNoteId", UUID.randomUUID().toString());
        e.put("invoiceId", invoiceId);
        e.put("invoiceNumber", "CPS-GB-2026-000777");
        e.put("number", "CN-GB-2026-000001");
        e.put("invoiceStatus", invoiceStatus);
        e.put("issuedAt", Instant.now().toString());
        return e;
    }

    private static <T> T published(String account, String type, Class<T> payload) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                TOPIC, r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        return JSON.readValue(seen.get(seen.size() - 1).value(), payload);
    }

    private static <T> List<T> publishedAll(String account, String type, Class<T> payload) {
        return KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> JSON.readValue(r.value(), payload))
                .toList();
    }
}
