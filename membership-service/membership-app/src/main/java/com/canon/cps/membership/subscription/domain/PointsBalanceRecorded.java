package com.canon.cps.membership.subscription.domain;

import org.axonframework.serialization.Revision;

/** The account's current points balance, as points-service last reported it; decides which tiers can be bought. */
@Revision("1")
public record PointsBalanceRecorded(String accountId, int balance) implements MembershipEvent {}
