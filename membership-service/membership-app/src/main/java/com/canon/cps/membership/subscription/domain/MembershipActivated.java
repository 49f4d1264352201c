package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The membership is usable from {@code startsOn} to {@code expiresOn} (inclusive) under a new number. */
@Revision("1")
public record MembershipActivated(
        String accountId,
        String membershipNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        boolean autoRenew,
        Instant activatedAt)
        implements MembershipEvent {}
