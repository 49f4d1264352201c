package com.canon.cps.membership.subscription;

import static com.canon.cps.platform.test.Problems.assertFieldError;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.membership.MembershipServiceTest;
import com.canon.cps.membership.Upstream;
import com.canon.cps.membership.contract.MembershipActivated;
import com.canon.cps.membership.contract.MembershipExpired;
import com.canon.cps.membership.contract.MembershipInvited;
import com.canon.cps.membership.contract.MembershipRenewed;
import com.canon.cps.membership.contract.SubscriptionOrdered;
import com.canon.cps.membership.subscription.query.MembershipView;
import com.canon.cps.platform.deadline.DeadlineScheduler;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestClock;
import com.canon.cps.platform.test.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * membership-service end to end: account and points events in through the real broker, the member's pages over
 * HTTP, contract events out on {@code cps.membership.events}, renewal and expiry on the business clock.
 */
@MembershipServiceTest
class MembershipIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "cps.membership.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    // ---- invitation and tiers --------------------------------------------------------------------------------------

    @Test
    void thresholdReached_invitesOnce_dashboardShowsInvited_andMembershipInvitedIsPublished() {
        String account = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        Upstream.opened(account, "GB", "en");
        Upstream.balance(account, 510);
        Upstream.threshold(account, ceId, 510);
        Upstream.threshold(account, ceId, 510); // redelivered
        Upstream.threshold(account, UUID.randomUUID().toString(), 520); // re-sent by the producer
        Upstream.flush();

        JsonNode dashboard = awaitMembership(account, "INVITED");
        assertThat(dashboard.path("membershipNumber").isNull()).isTrue();

        MembershipInvited invited = published(account, MembershipInvited.TYPE, MembershipInvited.class);
        assertThat(invited.points()).isEqualTo(510);
        assertThat(publishedCount(account, MembershipInvited.TYPE)).isEqualTo(1);
    }

    @Test
    void unknownAccount_hasNoMembership() {
        JsonNode none = get("/api/membership", UUID.randomUUID().toString(), 200);
        assertThat(none.path("status").asString()).isEqualTo("NONE");
    }

    @Test
    void anyOperator_readsAMembersMembership_aMemberNeverAnothers_andAnOperatorMustNameTheAccount() {
        String account = UUID.randomUUID().toString();
        Upstream.invited(account, "GB", 600);
        Upstream.flush();
        JsonNode member = awaitMembership(account, "INVITED");
        String reader = TestTokens.operator("reader@cps.local");

        HttpTestClient.Response read = http.get("/api/membership?accountId=" + account, reader);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).as("exactly what the member gets").isEqualTo(member);
        HttpTestClient.Response unknown = http.get("/api/membership?accountId=" + UUID.randomUUID(), reader);
        assertThat(unknown.json())
                .as("as a new member's")
                .isEqualTo(get("/api/membership", UUID.randomUUID().toString(), 200));

        HttpTestClient.Response other = http.get(
                "/api/membership?accountId=" + account,
                TestTokens.member(UUID.randomUUID().toString()));
        assertProblem(other, 403);
        assertThat(other.body()).doesNotContain("INVITED");
        assertProblem(http.get("/api/membership?accountId=" + account, TestTokens.member(account)), 403);

        assertFieldError(http.get("/api/membership", reader), "accountId");
        assertFieldError(http.get("/api/membership?accountId=not-a-uuid", reader), "accountId");
    }

    @Test
    void tiers_followThePoints_andTheMarket() {
        String gb = UUID.randomUUID().toString();
        Upstream.invited(gb, "GB", 1200);
        Upstream.flush();
        JsonNode tiers = awaitTiers(gb, 1200, true);
        assertThat(tiers.path("invited").asBoolean()).isTrue();
        assertThat(tiers.path("businessTiersAvailable").asBoolean()).isFalse();
        assertThat(tiers.path("view").asString()).isEqualTo("INDIVIDUAL");
        assertThat(codes(tiers)).containsExactly("SILVER", "GOLD", "PLATINUM");
        JsonNode silver = tiers.path("tiers").get(0);
        assertThat(silver.path("name").asString()).isEqualTo("Silver");
        assertThat(silver.path("minPoints").asInt()).isEqualTo(500);
        assertThat(silver.path("available").asBoolean()).isTrue();
        assertThat(silver.path("price").path("amount").asString()).isEqualTo("85.00");
        assertThat(silver.path("price").path("currency").asString()).isEqualTo("GBP");
        assertThat(silver.path("vatExcluded").asBoolean()).isTrue();
        assertThat(silver.path("term").asString()).isEqualTo("P1Y");
        assertThat(tiers.path("tiers").get(1).path("available").asBoolean()).isTrue();
        assertThat(tiers.path("tiers").get(2).path("available").asBoolean()).isFalse();
        assertProblem(http.get("/api/membership/tiers?view=BUSINESS", TestTokens.member(gb)), 400);
        assertProblem(http.get("/api/membership/tiers?view=GOLDEN", TestTokens.member(gb)), 400);

        String de = UUID.randomUUID().toString();
        Upstream.invited(de, "DE", 3000);
        Upstream.flush();
        JsonNode individual = awaitTiers(de, 3000, true);
        assertThat(individual.path("businessTiersAvailable").asBoolean()).isTrue();
        assertThat(individual.path("tiers").get(2).path("price").path("amount").asString())
                .isEqualTo("350.00");
        JsonNode business = get("/api/membership/tiers?view=BUSINESS", de, 200);
        assertThat(business.path("view").asString()).isEqualTo("BUSINESS");
        assertThat(codes(business)).containsExactly("BUSINESS_A", "BUSINESS_B", "BUSINESS_C");
        assertThat(business.path("tiers").get(0).path("available").asBoolean()).isTrue();
        assertThat(business.path("tiers").get(0).path("price").path("amount").asString())
                .isEqualTo("1000.00");
        assertThat(business.path("tiers").get(0).path("price").path("currency").asString())
                .isEqualTo("EUR");
    }

    // ---- checkout --------------------------------------------------------------------------------------------------

    @Test
    void checkoutSilverByCardWithPo_isActiveAtOnce_dashboardAndEvents() {
        String account = UUID.randomUUID().toString();
        Upstream.invited(account, "GB", 600);
        Upstream.flush();
        awaitMembership(account, "INVITED");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        HttpTestClient.Response created =
                checkout(account, checkoutBody("SILVER", "CARD", "tok_visa", true, "2024-01"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        String number = c.path("membershipNumber").asString();
        assertThat(number).matches("[1-9][0-9]{8}");
        assertThat(c.path("tier").asString()).isEqualTo("SILVER");
        assertThat(c.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(c.path("startsOn").asString()).isEqualTo(today.toString());
        assertThat(c.path("expiresOn").asString())
                .isEqualTo(today.plusYears(1).minusDays(1).toString());
        assertThat(c.path("autoRenew").asBoolean()).isTrue();

        JsonNode d = awaitMembership(account, "ACTIVE");
        assertThat(d.path("tier").asString()).isEqualTo("SILVER");
        assertThat(d.path("tierName").asString()).isEqualTo("Silver");
        assertThat(d.path("membershipNumber").asString()).isEqualTo(number);
        assertThat(d.path("expiresDisplay").asString())
                .isEqualTo(today.plusYears(1).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(d.path("autoRenew").asBoolean()).isTrue();

        SubscriptionOrdered ordered = published(account, SubscriptionOrdered.TYPE, SubscriptionOrdered.class);
        assertThat(ordered.tier()).isEqualTo("SILVER");
        assertThat(ordered.price().amount()).isEqualTo("85.00");
        assertThat(ordered.price().currency()).isEqualTo("GBP");
        assertThat(ordered.term()).isEqualTo("P1Y");
        assertThat(ordered.purchaseOrderNumber()).isEqualTo("PO-7781");
        assertThat(ordered.termsVersion()).isEqualTo("2024-01");
        assertThat(ordered.paymentMethod()).isEqualTo("CARD");
        assertThat(ordered.cardTokenReference()).isEqualTo("tok_visa");
        assertThat(ordered.renewal()).isFalse();
        MembershipActivated activated = published(account, MembershipActivated.TYPE, MembershipActivated.class);
        assertThat(activated.membershipNumber()).isEqualTo(number);
        assertThat(activated.expiresOn()).isEqualTo(today.plusYears(1).minusDays(1));

        assertProblem(checkout(account, checkoutBody("SILVER", "CARD", "tok_visa", true, "2024-01")), 409);
    }

    @Test
    void refusedCheckouts_changeNothing() {
        String notInvited = UUID.randomUUID().toString();
        Upstream.opened(notInvited, "GB", "en");
        Upstream.balance(notInvited, 400);
        String invited = UUID.randomUUID().toString();
        Upstream.invited(invited, "GB", 600);
        Upstream.flush();
        awaitTiers(notInvited, 400, false);
        awaitMembership(invited, "INVITED");
        String ok = checkoutBody("SILVER", "CARD", "tok_visa", true, "2024-01");

        assertProblem(checkout(notInvited, ok), 422);
        assertProblem(checkout(UUID.randomUUID().toString(), ok), 422);
        assertProblem(checkout(invited, checkoutBody("GOLD", "CARD", "tok_visa", true, "2024-01")), 422);
        assertFieldError(
                checkout(invited, checkoutBody("SILVER", "CARD", "tok_visa", false, "2024-01")), "termsAccepted");
        assertFieldError(
                checkout(invited, checkoutBody("SILVER", "CARD", "tok_visa", true, "2023-01")), "termsVersion");
        HttpTestClient.Response unpublished =
                checkout(invited, checkoutBody("SILVER", "CARD", "tok_visa", true, "2099-01"));
        assertFieldError(unpublished, "termsVersion");
        assertThat(unpublished.json().path("errors").get(0).path("message").asString())
                .contains("not a published version");
        assertFieldError(checkout(invited, checkoutBody("SILVER", "CARD", "tok_visa", true, null)), "termsVersion");
        assertFieldError(checkout(invited, checkoutBody("SILVER", "CARD", null, true, "2024-01")), "cardToken");
        assertFieldError(
                checkout(invited, checkoutBody("SILVER", "CARD", "4242424242424242", true, "2024-01")), "cardToken");
        assertFieldError(checkout(invited, checkoutBody("BRONZE", "CARD", "tok_visa", true, "2024-01")), "tier");
        assertFieldError(checkout(invited, checkoutBody("SILVER", "CHEQUE", null, true, "2024-01")), "paymentMethod");
        assertFieldError(
                checkout(
                        invited,
                        HttpTestClient.json(Map.of(
                                "tier", "SILVER",
                                "termsAccepted", true,
                                "termsVersion", "2024-01",
                                "paymentMethod", "BANK_TRANSFER",
                                "purchaseOrderNumber", "P".repeat(36)))),
                "purchaseOrderNumber");
        assertProblem(http.postJson("/api/membership/checkout", ok, null), 401);

        assertThat(get("/api/membership", invited, 200).path("status").asString())
                .isEqualTo("INVITED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM membership_number WHERE account_id IN (?, ?)",
                        Long.class,
                        invited,
                        notInvited))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                        Long.class,
                        invited,
                        "%SubscriptionOrdered"))
                .isZero();

        // bank transfer needs no card token; auto-renewal off is kept
        HttpTestClient.Response bank = checkout(
                invited,
                HttpTestClient.json(Map.of(
                        "tier", "SILVER",
                        "autoRenew", false,
                        "termsAccepted", true,
                        "termsVersion", "2024-01",
                        "paymentMethod", "BANK_TRANSFER")));
        assertThat(bank.status()).as(bank.body()).isEqualTo(201);
        assertThat(bank.json().path("autoRenew").asBoolean()).isFalse();
    }

    @Test
    void twoHundredConcurrentCheckouts_getTwoHundredDistinctNumbers() throws Exception {
        List<String> accounts = IntStream.range(0, 200)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        accounts.forEach(a -> Upstream.invited(a, "GB", 600));
        Upstream.flush();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.count(
                                Query.query(Criteria.where("_id")
                                        .in(accounts)
                                        .and("invited")
                                        .is(true)
                                        .and("points")
                                        .is(600)
                                        .and("country")
                                        .is("GB")),
                                projections.collection(MembershipView.class))
                        == 200);
        String body = checkoutBody("SILVER", "CARD", "tok_visa", true, "2024-01");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpTestClient.Response>> results = new ArrayList<>();
        try {
            for (String a : accounts) {
                String token = TestTokens.member(a);
                results.add(pool.submit(() -> http.postJson("/api/membership/checkout", body, token)));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<HttpTestClient.Response> f : results) {
                HttpTestClient.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                numbers.add(r.json().path("membershipNumber").asString());
            }
            assertThat(numbers).hasSize(200).allMatch(n -> n.matches("[1-9][0-9]{8}"));
            assertThat(jdbc.queryForObject(
                            "SELECT count(DISTINCT membership_number) FROM membership_number WHERE membership_number IN ("
                                    + String.join(
                                            ",",
                                            numbers.stream()
                                                    .map(n -> "'" + n + "'")
                                                    .toList()) + ")",
                            Long.class))
                    .isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------------

    @Test
    void autoRenewOff_expiresAfterTheTerm_autoRenewOn_isRenewedFromTheDayAfter() {
        String lapsing = UUID.randomUUID().toString();
        String renewing = UUID.randomUUID().toString();
        Upstream.invited(lapsing, "GB", 600);
        Upstream.invited(renewing, "DE", 600);
        Upstream.flush();
        awaitMembership(lapsing, "INVITED");
        awaitMembership(renewing, "INVITED");
        String body = checkoutBody("SILVER", "CARD", "tok_visa", true, "2024-01");
        JsonNode lapsingTerm = checkout(lapsing, body).json();
        JsonNode renewingTerm = checkout(renewing, body).json();
        LocalDate expiresOn = LocalDate.parse(renewingTerm.path("expiresOn").asString());

        HttpTestClient.Response off =
                http.patchJson("/api/membership/subscription", "{\"autoRenew\": false}", TestTokens.member(lapsing));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("autoRenew").asBoolean()).isFalse();
        await().atMost(WAIT)
                .until(() ->
                        !get("/api/membership", lapsing, 200).path("autoRenew").asBoolean());
        assertThat(publishedCount(lapsing, com.canon.cps.membership.contract.AutoRenewalChanged.TYPE))
                .isEqualTo(1);

        // the lead time before the expiry: the renewal is ordered, nothing ends yet
        clock.advance(Duration.between(
                clock.instant(),
                expiresOn.minusDays(13).atStartOfDay(ZoneOffset.UTC).toInstant()));
        deadlines.fireDue();
        SubscriptionOrdered renewal = await().atMost(WAIT)
                .until(
                        () -> publishedAll(renewing, SubscriptionOrdered.TYPE, SubscriptionOrdered.class).stream()
                                .filter(SubscriptionOrdered::renewal)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(renewal.termStartsOn()).isEqualTo(expiresOn.plusDays(1));
        assertThat(renewal.price().amount()).isEqualTo("100.00");
        assertThat(renewal.price().currency()).isEqualTo("EUR");
        assertThat(renewal.cardTokenReference()).isEqualTo("tok_visa");
        assertThat(get("/api/membership", renewing, 200).path("expiresOn").asString())
                .isEqualTo(expiresOn.toString());

        // the day after the expiry
        clock.advance(Duration.ofDays(14));
        deadlines.fireDue();
        JsonNode renewed = await().atMost(WAIT)
                .until(
                        () -> get("/api/membership", renewing, 200),
                        m -> m.path("expiresOn")
                                .asString()
                                .equals(expiresOn.plusYears(1).toString()));
        assertThat(renewed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(renewed.path("startsOn").asString())
                .isEqualTo(expiresOn.plusDays(1).toString());
        assertThat(renewed.path("membershipNumber").asString())
                .isEqualTo(renewingTerm.path("membershipNumber").asString());
        MembershipRenewed published = published(renewing, MembershipRenewed.TYPE, MembershipRenewed.class);
        assertThat(published.startsOn()).isEqualTo(expiresOn.plusDays(1));

        JsonNode expired = awaitMembership(lapsing, "EXPIRED");
        assertThat(expired.path("membershipNumber").asString())
                .isEqualTo(lapsingTerm.path("membershipNumber").asString());
        MembershipExpired gone = published(lapsing, MembershipExpired.TYPE, MembershipExpired.class);
        assertThat(gone.expiredOn())
                .isEqualTo(LocalDate.parse(lapsingTerm.path("expiresOn").asString()));
        assertThat(publishedAll(lapsing, SubscriptionOrdered.TYPE, SubscriptionOrdered.class))
                .noneMatch(SubscriptionOrdered::renewal);

        deadlines.fireDue();
        assertThat(publishedCount(renewing, MembershipRenewed.TYPE)).isEqualTo(1);
        assertThat(publishedCount(lapsing, MembershipExpired.TYPE)).isEqualTo(1);
        assertProblem(
                http.patchJson("/api/membership/subscription", "{\"autoRenew\": true}", TestTokens.member(lapsing)),
                409);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String checkoutBody(String tier, String method, String token, boolean terms, String version) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("tier", tier);
        body.put("autoRenew", true);
        body.put("purchaseOrderNumber", "PO-7781");
        body.put("termsAccepted", terms);
        body.put("termsVersion", version);
        body.put("paymentMethod", method);
        if (token != null) {
            body.put("cardToken", token);
        }
        return HttpTestClient.json(body);
    }

    private HttpTestClient.Response checkout(String account, String body) {
        return http.postJson("/api/membership/checkout", body, TestTokens.member(account));
    }

    private JsonNode get(String path, String account, int status) {
        HttpTestClient.Response r = http.get(path, TestTokens.member(account));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private JsonNode awaitMembership(String account, String status) {
        return await().atMost(WAIT)
                .until(
                        () -> get("/api/membership", account, 200),
                        m -> m.path("status").asString().equals(status));
    }

    /** The balance and the invitation arrive as separate events: wait until the view reflects both. */
    private JsonNode awaitTiers(String account, int points, boolean invited) {
        return await().atMost(WAIT)
                .until(
                        () -> get("/api/membership/tiers", account, 200),
                        t -> t.path("points").asInt() == points
                                && t.path("invited").asBoolean() == invited);
    }

    private static List<String> codes(JsonNode tiers) {
        List<String> codes = new ArrayList<>();
        tiers.path("tiers").forEach(t -> codes.add(t.path("code").asString()));
        return codes;
    }

    private static <T> T published(String account, String type, Class<T> payload) {
        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.readUntil(
                TOPIC, r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")), WAIT);
        ConsumerRecord<String, byte[]> last = seen.get(seen.size() - 1);
        assertThat(KafkaTestClient.header(last, "ce_type")).isEqualTo(type);
        assertThat(KafkaTestClient.header(last, "ce_subject")).isEqualTo(account);
        return JSON.readValue(last.value(), payload);
    }

    /** Every record of the type for the account so far (the topic is read until a marker far in the past ends it). */
    private static <T> List<T> publishedAll(String account, String type, Class<T> payload) {
        return KafkaTestClient.readUntil(TOPIC, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> account.equals(r.key()) && type.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> JSON.readValue(r.value(), payload))
                .toList();
    }

    private static long publishedCount(String account, String type) {
        return publishedAll(account, type, Object.class).size();
    }
}
