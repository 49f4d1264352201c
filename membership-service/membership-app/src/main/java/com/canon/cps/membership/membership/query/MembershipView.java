package com.canon.cps.membership.membership.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The member's CPS dashboard and what the tier page needs: one document per account.
 *
 * @param status {@code ACTIVE | EXPIRED} once a membership was bought, else null (then {@code invited} decides)
 * @param startsOn ISO date; dates are stored as strings so no time zone can shift them
 */
@Document(MembershipView.COLLECTION)
public record MembershipView(
        @Id String accountId,
        String country,
        Integer points,
        Boolean invited,
        String status,
        String tier,
        String membershipNumber,
        String startsOn,
        String expiresOn,
        Boolean autoRenew) {

    public static final String COLLECTION = "memberships";

    public int pointsOrZero() {
        return points == null ? 0 : points;
    }

    public boolean isInvited() {
        return Boolean.TRUE.equals(invited);
    }
}
