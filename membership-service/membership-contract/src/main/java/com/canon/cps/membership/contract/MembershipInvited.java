package com.canon.cps.membership.contract;

import java.time.Instant;

/** The account reached the invitation threshold and is invited to join CPS; never withdrawn. v1: first version. */
public record MembershipInvited(String accountId, int points, Instant invitedAt) {

    public static final String TYPE = "cps.membership.MembershipInvited.v1";
}
