package com.canon.cps.membership.subscription.web;

import java.util.List;

/** The "Available CPS tiers" page: the tiers of one view with availability and the member's price. */
record TiersResponse(int points, boolean invited, boolean businessTiersAvailable, String view, List<TierOffer> tiers) {

    /** One tier; {@code price} is net of VAT per term, null where the price book has no entry for the currency. */
    record TierOffer(
            String code,
            String name,
            int minPoints,
            boolean available,
            Money price,
            boolean vatExcluded,
            String term) {}

    /** {@code {"amount": "85.00", "currency": "GBP"}}. */
    record Money(String amount, String currency) {}
}
