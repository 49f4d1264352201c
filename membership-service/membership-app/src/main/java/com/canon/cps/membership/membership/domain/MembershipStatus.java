package com.canon.cps.membership.membership.domain;

/**
 * Where an account stands: known but not invited, invited, holding an active membership, holding one suspended for an
 * invoice unpaid after dunning, or lapsed.
 */
public enum MembershipStatus {
    NONE,
    INVITED,
    ACTIVE,
    SUSPENDED,
    EXPIRED
}
