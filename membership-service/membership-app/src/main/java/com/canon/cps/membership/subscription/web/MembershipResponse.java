package com.canon.cps.membership.subscription.web;

/**
 * The dashboard: {@code status} is {@code NONE | INVITED | ACTIVE | SUSPENDED | EXPIRED}; {@code expiresDisplay} is the
 * expiry as the dashboard prints it ({@code dd/MM/yyyy}).
 *
 * @param nextTier the tier of the next term while the membership is held (ACTIVE or SUSPENDED) and will renew: the
 *     ordered renewal's tier once it is ordered, else the tier chosen for it or the current one; null when it ends
 * @param endsOn the day the membership ends (its expiry) when it will not renew (auto-renewal off and no renewal
 *     ordered), else null
 * @param suspendedOn the day it was suspended for an invoice unpaid after dunning, while it is SUSPENDED
 */
record MembershipResponse(
        String status,
        String tier,
        String tierName,
        String membershipNumber,
        String startsOn,
        String expiresOn,
        String expiresDisplay,
        Boolean autoRenew,
        String nextTier,
        String nextTierName,
        String endsOn,
        String suspendedOn) {}
