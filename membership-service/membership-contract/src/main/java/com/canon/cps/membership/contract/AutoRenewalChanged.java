package com.canon.cps.membership.contract;

import java.time.Instant;

/** The member switched auto-renewal on or off. v1: first version. */
public record AutoRenewalChanged(String accountId, String membershipNumber, boolean autoRenew, Instant changedAt) {

    public static final String TYPE = "cps.membership.AutoRenewalChanged.v1";
}
