package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A complete product's points were added; {@code balance} and {@code completeProductCount} are after the change. */
@Revision("1")
public record ProductPointsCounted(
        String accountId,
        String productId,
        String modelCode,
        int points,
        int balance,
        int completeProductCount,
        Instant at)
        implements LedgerEvent {}
