package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The member chose the tier of the next term; {@code nextTier} equal to {@code tier} means the next term keeps the
 * current tier.
 */
@Revision("1")
public record NextTierChanged(
        String accountId, String membershipNumber, String tier, String nextTier, Instant changedAt)
        implements MembershipEvent {}
