package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** product-service reports that a registration was removed. */
public record RecordProductDeregistration(
        @TargetAggregateIdentifier String accountId, String productId, String modelCode, int points, Instant at) {}
