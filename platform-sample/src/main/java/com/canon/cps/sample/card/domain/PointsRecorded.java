package com.canon.cps.sample.card.domain;

import org.axonframework.serialization.Revision;

/** The account's points balance. */
@Revision("1")
public record PointsRecorded(String accountId, int balance) implements CardEvent {}
