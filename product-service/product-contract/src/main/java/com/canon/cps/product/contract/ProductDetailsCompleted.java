package com.canon.cps.product.contract;

import java.time.Instant;

/** The last missing detail of a registration was given: the product now earns its points. v1: first version. */
public record ProductDetailsCompleted(
        String accountId, String productId, String modelCode, int points, boolean complete, Instant completedAt) {

    public static final String TYPE = "cps.product.ProductDetailsCompleted.v1";
}
