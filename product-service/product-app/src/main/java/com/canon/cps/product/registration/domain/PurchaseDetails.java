package com.canon.cps.product.registration.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the member knows about the purchase. Any of it may be missing (the registration is then incomplete) and the
 * date and dealer may be estimates; an estimate flag without its value means nothing and is refused.
 *
 * @param countryOfPurchase ISO 3166-1 alpha-2 code
 * @param dealer typed by the member (a shop, or a private seller's name): personal data (ADR 23), stored encrypted in
 *     the events that carry these details, read as {@code "[erased]"} once the account is erased
 */
public record PurchaseDetails(
        LocalDate purchaseDate,
        boolean purchaseDateEstimated,
        String countryOfPurchase,
        @PersonalData String dealer,
        boolean dealerEstimated) {

    /** Nothing known yet. */
    public static final PurchaseDetails NONE = new PurchaseDetails(null, false, null, null, false);

    public PurchaseDetails {
        if (purchaseDateEstimated && purchaseDate == null) {
            throw new InvalidProductDetails("purchaseDateEstimated", "an estimate needs a purchase date");
        }
        if (dealerEstimated && dealer == null) {
            throw new InvalidProductDetails("dealerEstimated", "an estimate needs a dealer");
        }
    }

    /**
     * What of the purchase is still missing, in the order the member is asked for it; the registration's own
     * completeness adds the serial number ({@link MissingDetail#of}).
     */
    public List<MissingDetail> missingDetails() {
        List<MissingDetail> missing = new ArrayList<>(3);
        // the serial number is the registration's, not the purchase's: see MissingDetail.of
        if (purchaseDate == null) {
            missing.add(MissingDetail.PURCHASE_DATE);
        }
        if (countryOfPurchase == null) {
            missing.add(MissingDetail.COUNTRY_OF_PURCHASE);
        }
        if (dealer == null) {
            missing.add(MissingDetail.DEALER);
        }
        return List.copyOf(missing);
    }

    /** Purchase date, country and dealer all given (the registration also needs its serial number). */
    public boolean complete() {
        return purchaseDate != null && countryOfPurchase != null && dealer != null;
    }

    /**
     * These details with {@code change} applied: a given value replaces the old one (and its estimate flag, which
     * defaults to "not estimated"); a flag given alone re-flags the value already there. Nothing is ever removed, so a
     * complete registration stays complete.
     */
    public PurchaseDetails with(DetailsChange change) {
        LocalDate date = change.purchaseDate() != null ? change.purchaseDate() : purchaseDate;
        boolean dateEstimated = change.purchaseDateEstimated() != null
                ? change.purchaseDateEstimated()
                : change.purchaseDate() == null && purchaseDateEstimated;
        String dealerName = change.dealer() != null ? change.dealer() : dealer;
        boolean dealerIsEstimate = change.dealerEstimated() != null
                ? change.dealerEstimated()
                : change.dealer() == null && dealerEstimated;
        String country = change.countryOfPurchase() != null ? change.countryOfPurchase() : countryOfPurchase;
        return new PurchaseDetails(date, dateEstimated, country, dealerName, dealerIsEstimate);
    }

    /**
     * Refuses a purchase date that has not begun anywhere yet at {@code at}. Members' time zones are not known; taking
     * the earliest zone (UTC+14) never refuses a member's "today", and anything later is certainly the future.
     */
    public void requireNotInFuture(Instant at) {
        if (purchaseDate != null && purchaseDate.isAfter(LocalDate.ofInstant(at, ZoneOffset.ofHours(14)))) {
            throw new InvalidProductDetails("purchaseDate", "must not be in the future");
        }
    }
}
