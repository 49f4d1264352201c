package com.canon.cps.membership.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An active membership is suspended: {@code invoiceId} was still unpaid after billing's last dunning step. */
@Revision("1")
public record MembershipSuspended(
        String accountId,
        String membershipNumber,
        String invoiceId,
        String invoiceNumber,
        LocalDate suspendedOn,
        Instant suspendedAt)
        implements MembershipEvent {}
