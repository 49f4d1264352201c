package com.canon.cps.points.contract;

import java.time.Instant;

/**
 * The balance reached the invitation threshold for the first time; raised once per account, never withdrawn.
 * v1: first version.
 */
public record PointsThresholdReached(String accountId, int threshold, int balance, Instant reachedAt) {

    public static final String TYPE = "cps.points.PointsThresholdReached.v1";
}
