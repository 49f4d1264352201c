package com.canon.cps.sample.card.domain;

import org.axonframework.serialization.Revision;

/** The account's country and language became known. */
@Revision("1")
public record CountryRecorded(String accountId, String country, String language) implements CardEvent {}
