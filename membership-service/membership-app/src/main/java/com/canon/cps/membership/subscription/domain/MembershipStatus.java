package com.canon.cps.membership.subscription.domain;

/**
 * Where an account stands: known but not invited, invited, holding an active membership, holding one suspended for an
 * invoice unpaid after dunning, lapsed, or ended for good because the account was erased (GDPR Art. 17).
 */
public enum MembershipStatus {
    NONE,
    INVITED,
    ACTIVE,
    SUSPENDED,
    EXPIRED,
    ERASED
}
