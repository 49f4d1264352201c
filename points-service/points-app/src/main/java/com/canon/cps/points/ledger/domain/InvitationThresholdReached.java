package com.canon.cps.points.ledger.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The balance reached the invitation threshold for the first time; raised once per account, never withdrawn. */
@Revision("1")
public record InvitationThresholdReached(String accountId, int threshold, int balance, Instant at)
        implements LedgerEvent {}
