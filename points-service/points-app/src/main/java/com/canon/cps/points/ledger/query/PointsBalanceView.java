package com.canon.cps.points.ledger.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account's balance. {@code invited} is absent until the invitation threshold is reached (then true, never
 * withdrawn): balance updates never write it, so they cannot reset it.
 */
@Document(PointsBalanceView.COLLECTION)
public record PointsBalanceView(@Id String accountId, int balance, int completeProductCount, Boolean invited) {

    public boolean wasInvited() {
        return Boolean.TRUE.equals(invited);
    }

    public static final String COLLECTION = "points_balances";
}
