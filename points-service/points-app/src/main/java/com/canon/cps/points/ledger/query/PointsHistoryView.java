package com.canon.cps.points.ledger.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of an account's balance, its own document ({@code id} = {@code accountId/sequence} of the ledger event),
 * or the note that a product was tracked before it counted ({@code change} 0, {@code tracked} true; never listed).
 *
 * @param reason {@code PRODUCT_REGISTERED}, {@code PRODUCT_COMPLETED}, {@code PRODUCTS_MIGRATED},
 *     {@code PRODUCT_DEREGISTERED}
 * @param sequence the ledger event's sequence number: the order of the changes
 */
@Document(PointsHistoryView.COLLECTION)
@CompoundIndex(name = "by_account_newest_first", def = "{'accountId': 1, 'sequence': -1}")
record PointsHistoryView(
        @Id String id,
        String accountId,
        long sequence,
        Instant at,
        int change,
        int balance,
        String reason,
        String productId,
        String modelCode,
        boolean tracked) {

    public static final String COLLECTION = "points_history";

    static String idOf(String accountId, long sequence) {
        return accountId + "/" + sequence;
    }

    static String trackedIdOf(String accountId, String productId) {
        return accountId + "/tracked/" + productId;
    }
}
