package com.canon.cps.sample.card.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The card's term ended without a renewal. */
@Revision("1")
public record CardExpired(String accountId, String cardNumber, LocalDate expiredOn, Instant expiredAt)
        implements CardEvent {}
