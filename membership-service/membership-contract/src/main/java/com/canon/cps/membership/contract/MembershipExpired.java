package com.canon.cps.membership.contract;

import java.time.Instant;
import java.time.LocalDate;

/** The term ended without renewal. v1: first version. */
public record MembershipExpired(String accountId, String membershipNumber, LocalDate expiredOn, Instant expiredAt) {

    public static final String TYPE = "cps.membership.MembershipExpired.v1";
}
