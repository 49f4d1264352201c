package com.canon.cps.membership.subscription.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The member's CPS dashboard and what the tier page needs: one document per account.
 *
 * @param status {@code ACTIVE | SUSPENDED | EXPIRED} once a membership was bought, {@code ERASED} once the account was
 *     erased (with or without one), else null (then {@code invited} decides)
 * @param startsOn ISO date; dates are stored as strings so no time zone can shift them
 * @param nextTier the tier the member chose for the next term, null when it keeps the current one
 * @param renewalTier the tier of the next term once it is ordered (with {@code renewalStartsOn})
 * @param suspendedOn the day the membership was suspended for an unpaid invoice, while it is
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
        Boolean autoRenew,
        String nextTier,
        String renewalTier,
        String renewalStartsOn,
        String suspendedOn) {

    public static final String COLLECTION = "memberships";

    public int pointsOrZero() {
        return points == null ? 0 : points;
    }

    public boolean isInvited() {
        return Boolean.TRUE.equals(invited);
    }
}
