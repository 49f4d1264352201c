package com.canon.cps.membership.contract;

import java.time.Instant;

/**
 * The member chose the tier of the next term (an upgrade or a downgrade, within the points): the renewal orders it.
 * The current term keeps {@code tier}. v1: first version.
 *
 * @param tier the tier of the current term
 * @param nextTier the tier the next term will be ordered with ({@code tier} again when the member went back to it)
 */
public record NextTierChanged(
        String accountId, String membershipNumber, String tier, String nextTier, Instant changedAt) {

    public static final String TYPE = "cps.membership.NextTierChanged.v1";
}
