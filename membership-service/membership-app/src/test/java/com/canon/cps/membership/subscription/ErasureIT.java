package com.canon.cps.membership.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.account.contract.AccountErased;
import com.canon.cps.membership.MembershipServiceTest;
import com.canon.cps.membership.Upstream;
import com.canon.cps.membership.subscription.query.MembershipView;
import com.canon.cps.platform.projection.Projections;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GDPR erasure (Art. 17, ADR 23) of a member with an active membership, as account-service announces it: the purchase
 * order number never lies in clear in the event store, the VAT status (a sole trader's VAT ID) is purged, the
 * membership ends for good (status ERASED, no renewal), the aggregate still loads and refuses the member's commands by
 * a business rule, and a rebuild of the projection brings back none of the erased values.
 */
@MembershipServiceTest
class ErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PO = "PO Ada Lumen 4711";
    private static final String VAT_ID = "GB987654321";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Projections projections;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void erasedMember_membershipEndsForGood_andNoPersonalValueIsLeft_evenAfterARebuild() {
        String account = UUID.randomUUID().toString();
        Upstream.invited(account, "GB", 700);
        Upstream.applied(account, "GB", true, VAT_ID);
        Upstream.flush();
        await().atMost(WAIT).until(() -> invited(account) && vatRows(account) == 1);
        HttpTestClient.Response checkout = http.postJson(
                "/api/membership/checkout",
                HttpTestClient.json(Map.of(
                        "tier",
                        "SILVER",
                        "autoRenew",
                        true,
                        "purchaseOrderNumber",
                        PO,
                        "termsAccepted",
                        true,
                        "termsVersion",
                        "2024-01",
                        "paymentMethod",
                        "BANK_TRANSFER")),
                TestTokens.member(account));
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        assertThat(storedEvents(account)).as("the order is stored").anyMatch(e -> e.contains("SILVER"));
        assertThat(storedEvents(account))
                .as("the purchase order number is stored encrypted only")
                .noneMatch(e -> e.contains(PO) || e.contains("Ada Lumen"));

        KafkaTestClient.publish(
                "cps.account.events",
                account,
                UUID.randomUUID().toString(),
                AccountErased.TYPE,
                HttpTestClient.json(new AccountErased(account, Instant.now())));
        KafkaTestClient.flush();

        await().atMost(WAIT).until(() -> "ERASED".equals(status(account)));
        assertThat(vatRows(account)).as("VAT status purged").isZero();
        assertThat(view(account).toJson()).doesNotContain(PO).doesNotContain(VAT_ID);
        JsonNode membership = http.get("/api/membership?accountId=" + account, TestTokens.operator())
                .json();
        assertThat(membership.path("status").asString()).isEqualTo("ERASED");
        assertThat(membership.path("nextTier").isNull())
                .as("nothing is renewed")
                .isTrue();

        // the aggregate loads from the erased events and refuses by a rule, not by failing to read them
        HttpTestClient.Response change =
                http.patchJson("/api/membership/subscription", "{\"autoRenew\":true}", TestTokens.member(account));
        assertThat(change.status()).as(change.body()).isEqualTo(409);
        assertThat(change.json().path("detail").asString()).contains("erased");
        HttpTestClient.Response again = http.postJson(
                "/api/membership/checkout",
                HttpTestClient.json(Map.of(
                        "tier", "SILVER",
                        "termsAccepted", true,
                        "termsVersion", "2024-01",
                        "paymentMethod", "BANK_TRANSFER")),
                TestTokens.member(account));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        // an invitation redelivered later brings nothing back
        Upstream.threshold(account, UUID.randomUUID().toString(), 900);
        Upstream.flush();

        rebuild();
        Document rebuilt = view(account);
        assertThat(rebuilt.getString("status")).isEqualTo("ERASED");
        assertThat(rebuilt.toJson()).doesNotContain(PO).doesNotContain(VAT_ID);
        assertThat(storedEvents(account)).noneMatch(e -> e.contains(PO) || e.contains(VAT_ID));
    }

    private void rebuild() {
        String admin = "/admin/projections/memberships/rebuild";
        await().atMost(WAIT)
                .until(() -> !http.get(admin, TestTokens.operator())
                        .json()
                        .path("status")
                        .asString()
                        .matches("RUNNING|CAUGHT_UP"));
        HttpTestClient.Response started = http.post(admin, "application/json", "", TestTokens.operator());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(WAIT)
                .until(
                        () -> http.get(admin, TestTokens.operator()).json(),
                        s -> !s.path("status").asString().matches("RUNNING|CAUGHT_UP"));
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SWITCHED");
    }

    private boolean invited(String account) {
        Document view = view(account);
        return view != null && Boolean.TRUE.equals(view.get("invited"));
    }

    private String status(String account) {
        Document view = view(account);
        return view == null ? null : view.getString("status");
    }

    private Document view(String account) {
        return mongo.findById(account, Document.class, projections.collection(MembershipView.class));
    }

    private long vatRows(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM vat_buyer WHERE account_id = ?", Long.class, account);
    }

    /** The raw payloads of the account's events, as the event table holds them. */
    private List<String> storedEvents(String account) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class, account)
                .stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList();
    }
}
