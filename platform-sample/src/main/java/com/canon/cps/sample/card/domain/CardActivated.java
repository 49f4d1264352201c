package com.canon.cps.sample.card.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The card was activated for a term. */
@Revision("1")
public record CardActivated(
        String accountId,
        String cardNumber,
        String tier,
        LocalDate startsOn,
        LocalDate expiresOn,
        boolean autoRenew,
        Instant activatedAt)
        implements CardEvent {}
