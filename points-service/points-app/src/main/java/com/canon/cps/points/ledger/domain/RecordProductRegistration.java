package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** product-service registered a product (complete or not) to the account. */
public record RecordProductRegistration(
        @TargetAggregateIdentifier String accountId,
        String productId,
        String modelCode,
        int points,
        boolean complete,
        Instant at) {}
