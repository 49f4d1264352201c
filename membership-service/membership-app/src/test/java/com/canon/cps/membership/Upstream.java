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

    public static void flush() {
        KafkaTestClient.flush();
    }

    private static void send(String topic, String key, String ceId, String type, Object data) {
        KafkaTestClient.publish(topic, key, ceId, type, HttpTestClient.json(data));
    }
}
