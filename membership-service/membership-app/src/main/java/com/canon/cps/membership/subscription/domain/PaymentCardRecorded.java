package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The verified card of a change: the next renewal is ordered with it. */
@Revision("1")
record PaymentCardRecorded(String accountId, String requestId, String cardToken, Instant recordedAt)
        implements MembershipEvent {}
