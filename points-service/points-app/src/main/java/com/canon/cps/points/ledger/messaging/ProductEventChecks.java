package com.canon.cps.points.ledger.messaging;

/**
 * What every product event must carry before it may touch a ledger. A record failing these is malformed: it fails,
 * is retried, and ends on the dead-letter topic for an operator, instead of corrupting a balance.
 */
final class ProductEventChecks {

    private ProductEventChecks() {}

    static void require(String accountId, String productId, int points) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("product event without accountId");
        }
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("product event without productId");
        }
        if (points < 0) {
            throw new IllegalArgumentException("product event with negative points: " + points);
        }
    }
}
