package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The account is invited to join CPS. Raised once per account and never withdrawn. */
@Revision("1")
public record MembershipInvited(String accountId, int points, Instant invitedAt) implements MembershipEvent {}
