package com.canon.cps.points.contract;

import java.time.Instant;

/** The account's points balance changed. Key and subject: {@code accountId}. v1: first version. */
public record PointsBalanceChanged(String accountId, int balance, int completeProductCount, Instant changedAt) {

    public static final String TYPE = "cps.points.PointsBalanceChanged.v1";
}
