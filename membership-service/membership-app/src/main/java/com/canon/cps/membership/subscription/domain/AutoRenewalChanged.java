package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The member switched auto-renewal of the active membership on or off. */
@Revision("1")
public record AutoRenewalChanged(String accountId, String membershipNumber, boolean autoRenew, Instant changedAt)
        implements MembershipEvent {}
