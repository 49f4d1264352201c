package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The ledger knows a registered, still incomplete product; the balance is unchanged. */
@Revision("1")
public record ProductTracked(
        String accountId,
        String productId,
        String modelCode,
        int points,
        int balance,
        int completeProductCount,
        Instant at)
        implements LedgerEvent {}
