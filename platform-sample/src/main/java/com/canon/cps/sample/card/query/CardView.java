package com.canon.cps.sample.card.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The member's card: one document per account.
 *
 * @param status {@code ISSUED}, {@code ACTIVE} or {@code EXPIRED}; null before a card was issued
 * @param startsOn ISO date; dates are stored as strings so no time zone can shift them
 */
@Document(CardView.COLLECTION)
public record CardView(
        @Id String accountId,
        String country,
        Integer points,
        String status,
        String tier,
        String cardNumber,
        String startsOn,
        String expiresOn,
        Boolean autoRenew) {

    public static final String COLLECTION = "cards";
}
