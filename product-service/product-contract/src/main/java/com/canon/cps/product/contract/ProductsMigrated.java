package com.canon.cps.product.contract;

import java.time.Instant;
import java.util.List;

/**
 * The account's registrations from the old CPS system were copied (once). Each copied product is also announced by
 * its own {@link ProductRegistered} (with {@code migrated = true}). v1: first version.
 */
public record ProductsMigrated(String accountId, List<String> productIds, int count, Instant migratedAt) {

    public static final String TYPE = "cps.product.ProductsMigrated.v1";
}
