package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** product-service reports that a registration became complete. */
public record RecordProductCompletion(
        @TargetAggregateIdentifier String accountId, String productId, String modelCode, int points, Instant at) {}
