package com.canon.cps.sample.card.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A card was issued to the account. */
@Revision("1")
public record CardIssued(String accountId, int points, Instant issuedAt) implements CardEvent {}
