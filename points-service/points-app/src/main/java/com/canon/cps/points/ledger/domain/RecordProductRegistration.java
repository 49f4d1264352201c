package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * product-service registered a product (complete or not) to the account.
 *
 * @param migrated copied from the old CPS system (a migration)
 */
public record RecordProductRegistration(
        @TargetAggregateIdentifier String accountId,
        String productId,
        String modelCode,
        int points,
        boolean complete,
        boolean migrated,
        Instant at) {

    public RecordProductRegistration(
            String accountId, String productId, String modelCode, int points, boolean complete, Instant at) {
        this(accountId, productId, modelCode, points, complete, false, at);
    }
}
