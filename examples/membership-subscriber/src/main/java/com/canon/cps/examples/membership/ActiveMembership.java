package com.canon.cps.examples.membership;

import java.time.LocalDate;

/** One active CPS membership as this subscriber keeps it. */
public record ActiveMembership(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        boolean autoRenew) {

    ActiveMembership renewed(String newTier, LocalDate newStartsOn, LocalDate newExpiresOn) {
        return new ActiveMembership(accountId, membershipNumber, newTier, newStartsOn, newExpiresOn, autoRenew);
    }

    ActiveMembership withAutoRenew(boolean on) {
        return new ActiveMembership(accountId, membershipNumber, tier, startsOn, expiresOn, on);
    }
}
