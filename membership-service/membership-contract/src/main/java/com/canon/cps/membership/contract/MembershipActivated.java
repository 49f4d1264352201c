package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/** The membership is usable: a new 9-digit number, the tier and the term. v1: first version. */
public record MembershipActivated(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        boolean autoRenew,
        Instant activatedAt) {

    public static final String TYPE = "cps.membership.MembershipActivated.v1";
}
