package com.canon.cps.sample.card.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The card was renewed for the next term. */
@Revision("1")
public record CardRenewed(
        String accountId, String cardNumber, String tier, LocalDate startsOn, LocalDate expiresOn, Instant renewedAt)
        implements CardEvent {}
