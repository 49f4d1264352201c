package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A complete product's points were added; {@code balance} and {@code completeProductCount} are after the change.
 *
 * <p>Revision 2 adds {@code reason} (null in revision 1 events, see
 * {@code AddReasonToProductPointsCountedUpcaster}).
 *
 * @param reason why it counts now: {@link #REGISTERED} (it arrived complete), {@link #COMPLETED} (its last missing
 *     detail was given) or {@link #MIGRATED} (copied complete from the old CPS system)
 */
@Revision("2")
public record ProductPointsCounted(
        String accountId,
        String productId,
        String modelCode,
        int points,
        int balance,
        int completeProductCount,
        Instant at,
        String reason)
        implements LedgerEvent {

    public static final String REGISTERED = "PRODUCT_REGISTERED";
    public static final String COMPLETED = "PRODUCT_COMPLETED";
    public static final String MIGRATED = "PRODUCTS_MIGRATED";
}
