package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A new term starts the day after the previous one expired. v1: first version; {@code tier} is the tier of the new
 * term, which differs from the previous term's when the member chose another one for it ({@code NextTierChanged}).
 */
public record MembershipRenewed(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        Instant renewedAt) {

    public static final String TYPE = "cps.membership.MembershipRenewed.v1";
}
