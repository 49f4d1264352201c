package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "My Products" and the points of the seed, through the entry point and the real broker: a verified member registers
 * an incomplete product (no points, missing details listed), completes it (points appear), proves its old CPS e-mail
 * with the code sent there and migrates the legacy registrations an operator imported, and passes 500 points; {@code PointsThresholdReached} is published once, the
 * member is invited and checks out Silver.
 */
class ProductsJourneyIT {

    @Test
    void verifiedMember_registersCompletesAndMigrates_andIsInvitedOnce() {
        HttpTestClient http = SharedPlatform.http();
        String run = UUID.randomUUID().toString().substring(0, 12);
        String email = "products-" + run + "@lumen.example";
        String legacyEmail = "old-" + run + "@lumen.example";
        Map<String, Object> application = new HashMap<>(Applications.gbVatLiable("Lumen Studio Ltd", email));
        application.put("legacyCpsEmail", legacyEmail);
        String member = Journeys.verifiedMember(application, email);
        String accountId =
                http.get("/api/accounts/me", member).json().path("accountId").asString();

        // an incomplete registration earns nothing and says what is missing
        HttpTestClient.Response registered = http.postJson(
                "/api/products",
                HttpTestClient.json(Map.of("modelCode", "EF-40-F2.8-STM", "serialNumber", "EF40-" + run)),
                member);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("complete").asBoolean()).isFalse();
        assertThat(registered.json().path("missingDetails").toString())
                .contains("PURCHASE_DATE", "COUNTRY_OF_PURCHASE", "DEALER");
        String productId = registered.json().path("productId").asString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode points = http.get("/api/points", member).json();
            assertThat(points.path("balance").asInt()).isZero();
            assertThat(points.path("products").toString()).contains(productId);
        });

        // completing it (an estimated date is fine) earns its 15 points
        HttpTestClient.Response completed = http.patchJson(
                "/api/products/" + productId,
                HttpTestClient.json(Map.of(
                        "purchaseDate", "2024-03-01",
                        "purchaseDateEstimated", true,
                        "countryOfPurchase", "GB",
                        "dealer", "Jessops")),
                member);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().path("complete").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        http.get("/api/points", member).json().path("balance").asInt() == 15);

        // an operator imports the old system's export; the member migrates it once
        String csv = "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n"
                + legacyEmail + ",EOS-5D-MARK-III,5D3-" + run + ",2019-05-01,GB,Jessops\n"
                + legacyEmail + ",EOS-R5,R5-" + run + ",2021-03-10,GB,Wex Photo\n"
                + legacyEmail + ",RF-50-F1.8-STM,RF50-" + run + ",,GB,\n";
        HttpTestClient.Response imported =
                http.post("/api/products/legacy-registrations", "text/csv", csv, SharedPlatform.operatorToken());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(3);
        // only once the member proves the old e-mail, with the code sent there, are its products offered
        assertThat(http.get("/api/products/migration", member)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("NOT_AVAILABLE");
        assertThat(http.postJson(
                                "/api/accounts/me/legacy-email/confirmation",
                                HttpTestClient.json(Map.of("code", legacyEmailCode(legacyEmail))),
                                member)
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/api/products/migration", member)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("AVAILABLE"));
        assertThat(http.postJson("/api/products/migration", "{}", member).status())
                .isEqualTo(202);
        assertThat(http.postJson("/api/products/migration", "{}", member).status())
                .isEqualTo(409);

        // 15 + 235 + 280 (the incomplete legacy lens earns nothing yet): invited
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode points = http.get("/api/points", member).json();
            assertThat(points.path("balance").asInt()).isEqualTo(530);
            assertThat(points.path("invited").asBoolean()).isTrue();
        });
        assertThat(thresholdEvents(accountId))
                .as("PointsThresholdReached exactly once")
                .isEqualTo(1);
    }

    private static String legacyEmailCode(String legacyEmail) {
        return Journeys.MAIL
                .waitingAtMost(Duration.ofSeconds(15))
                .awaitGroup(legacyEmail, java.util.regex.Pattern.compile("Your code: ([0-9]{6})"));
    }

    private static long thresholdEvents(String accountId) {
        return KafkaTestClient.readUntil(
                        SharedPlatform.get().infrastructure().kafkaBootstrap(),
                        "cps.points.events",
                        r -> false,
                        Duration.ofSeconds(5))
                .stream()
                .filter(r -> accountId.equals(r.key())
                        && "cps.points.PointsThresholdReached.v1".equals(KafkaTestClient.header(r, "ce_type")))
                .count();
    }
}
