package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The next (already ordered) term started the day after the previous one expired; the number stays. */
@Revision("1")
public record MembershipRenewed(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        Instant renewedAt)
        implements MembershipEvent {}
