package com.canon.cps.membership;

import com.canon.cps.account.contract.AccountOpened;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import com.canon.cps.points.contract.PointsBalanceChanged;
import com.canon.cps.points.contract.PointsThresholdReached;
import java.time.Instant;
import java.util.UUID;

/**
 * The events account-service and points-service publish, sent as they would send them (CloudEvents binary mode) by
 * one shared producer, so that setting up hundreds of accounts costs milliseconds, not a producer each.
 */
public final class Upstream {

    private Upstream() {}

    /** The account is opened in {@code country}, has {@code points} and crossed the invitation threshold. */
    public static void invited(String accountId, String country, int points) {
        opened(accountId, country, "en");
        balance(accountId, points);
        send(
                "cps.points.events",
                accountId,
                UUID.randomUUID().toString(),
                PointsThresholdReached.TYPE,
                new PointsThresholdReached(accountId, 500, points, Instant.now()));
    }

    public static void opened(String accountId, String country, String language) {
        send(
                "cps.account.events",
                accountId,
                UUID.randomUUID().toString(),
                AccountOpened.TYPE,
                new AccountOpened(accountId, "Lumen Studio Ltd", country, language, null, Instant.now()));
    }

    public static void balance(String accountId, int points) {
        send(
                "cps.points.events",
                accountId,
                UUID.randomUUID().toString(),
                PointsBalanceChanged.TYPE,
                new PointsBalanceChanged(accountId, points, 3, Instant.now()));
    }

    public static void threshold(String accountId, String ceId, int points) {
        send(
                "cps.points.events",
                accountId,
                ceId,
                PointsThresholdReached.TYPE,
                new PointsThresholdReached(accountId, 500, points, Instant.now()));
    }

    /**
     * The account's application (country, VAT-liable, VAT ID), as account-service publishes it: written as JSON so the
     * test does not depend on the record's other fields.
     */
    public static void applied(String accountId, String country, boolean vatLiable, String vatId) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("accountId", accountId);
        data.put("companyName", "Lumen Studio Ltd");
        data.put(
                "address",
                java.util.Map.of("line1", "1 High St", "postalCode", "SW1A 1AA", "city", "London", "country", country));
        data.put("country", country);
        data.put("contactName", "Ada Lumen");
        data.put("contactEmail", "ada@lumen.example");
        data.put("language", "en");
        data.put("vatLiable", vatLiable);
        data.put("vatId", vatId);
        data.put("documentIds", java.util.List.of());
        data.put("legacyCpsEmailProvided", false);
        data.put("submittedAt", Instant.now().toString());
        send(
                "cps.account.events",
                accountId,
                UUID.randomUUID().toString(),
                "cps.account.AccountApplicationSubmitted.v1",
                data);
    }

    /** verification-service approved the account; {@code confirmedVatId} is what a registry confirmed, or null. */
    public static void verified(String accountId, String confirmedVatId) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("accountId", accountId);
        data.put("caseId", UUID.randomUUID().toString());
        data.put("method", confirmedVatId == null ? "OPERATOR" : "REGISTRY_POLICY");
        data.put(
                "registryEvidence",
                confirmedVatId == null
                        ? null
                        : java.util.Map.of(
                                "registry",
                                "VIES",
                                "vatId",
                                confirmedVatId,
                                "consultationNumber",
                                "WAPIAAAAY",
                                "checkedAt",
                                Instant.now().toString()));
        data.put("verifiedAt", Instant.now().toString());
        send(
                "cps.verification.events",
                accountId,
                UUID.randomUUID().toString(),
                "cps.verification.AccountVerified.v1",
                data);
    }

    /** A billing event of {@code type} with {@code data} (JSON fields), as billing-service publishes it. */
    public static void billing(String accountId, String ceId, String type, java.util.Map<String, Object> data) {
        send("cps.billing.events", accountId, ceId, type, data);
    }

    public static void flush() {
        KafkaTestClient.flush();
    }

    private static void send(String topic, String key, String ceId, String type, Object data) {
        KafkaTestClient.publish(topic, key, ceId, type, HttpTestClient.json(data));
    }
}
