package com.canon.cps.points.ledger.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One product of an account's ledger, its own document: a ledger can hold many products, and a document per product
 * keeps each write a small single-document upsert. {@code id} is {@code accountId/productId}. Products are read by
 * account: without the index each read would scan all accounts' products.
 */
@Document(PointsProductView.COLLECTION)
public record PointsProductView(
        @Id String id,
        @Indexed(name = "by_account") String accountId,
        String productId,
        String modelCode,
        int points,
        boolean counted,
        boolean removed) {

    public static final String COLLECTION = "points_products";

    static String idOf(String accountId, String productId) {
        return accountId + "/" + productId;
    }
}
