package com.canon.cps.membership.membership.domain;

/** Where an account stands: known but not invited, invited, holding an active membership, or lapsed. */
public enum MembershipStatus {
    NONE,
    INVITED,
    ACTIVE,
    EXPIRED
}
