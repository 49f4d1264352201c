package com.canon.cps.points.contract;

import java.time.Instant;

/**
 * The account's points balance changed. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. Added within v1 (null in events published before, and read as null by older consumers):
 * {@code change}, {@code reason}, {@code productId} and {@code modelCode}, what changed the balance.
 *
 * @param change the points added (positive) or removed (negative)
 * @param reason {@code PRODUCT_REGISTERED} (registered complete), {@code PRODUCT_COMPLETED} (its last missing detail
 *     was given), {@code PRODUCTS_MIGRATED} (copied complete from the old CPS system), {@code PRODUCT_DEREGISTERED}
 *     (open-ended list of values)
 * @param productId the product (registration) whose points were counted or removed
 */
public record PointsBalanceChanged(
        String accountId,
        int balance,
        int completeProductCount,
        Instant changedAt,
        Integer change,
        String reason,
        String productId,
        String modelCode) {

    public static final String TYPE = "cps.points.PointsBalanceChanged.v1";

    /** As published before {@code change}, {@code reason}, {@code productId} and {@code modelCode} existed. */
    public PointsBalanceChanged(String accountId, int balance, int completeProductCount, Instant changedAt) {
        this(accountId, balance, completeProductCount, changedAt, null, null, null, null);
    }
}
