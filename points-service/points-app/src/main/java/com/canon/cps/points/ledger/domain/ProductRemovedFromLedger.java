package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A product was deregistered: if it counted ({@code wasCounted}) its points left the balance. It stays in the ledger
 * as removed, so that a product event arriving late can never count it again.
 */
@Revision("1")
public record ProductRemovedFromLedger(
        String accountId,
        String productId,
        String modelCode,
        int points,
        boolean wasCounted,
        int balance,
        int completeProductCount,
        Instant at)
        implements LedgerEvent {}
