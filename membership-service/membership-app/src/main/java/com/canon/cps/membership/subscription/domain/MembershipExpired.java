package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The term ended on {@code expiredOn} without renewal. */
@Revision("1")
public record MembershipExpired(String accountId, String membershipNumber, LocalDate expiredOn, Instant expiredAt)
        implements MembershipEvent {}
