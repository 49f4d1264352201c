package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/** A new term starts the day after the previous one expired. v1: first version. */
public record MembershipRenewed(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        Instant renewedAt) {

    public static final String TYPE = "cps.membership.MembershipRenewed.v1";
}
