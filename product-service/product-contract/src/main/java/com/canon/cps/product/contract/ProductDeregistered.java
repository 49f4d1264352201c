package com.canon.cps.product.contract;

import java.time.Instant;

/**
 * A registration was removed; its points no longer count. v1: first version. {@code complete} tells whether it had
 * been counted.
 */
public record ProductDeregistered(
        String accountId, String productId, String modelCode, int points, boolean complete, Instant deregisteredAt) {

    public static final String TYPE = "cps.product.ProductDeregistered.v1";
}
