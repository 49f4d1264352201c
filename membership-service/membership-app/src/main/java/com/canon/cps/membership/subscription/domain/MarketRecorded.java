package com.canon.cps.membership.subscription.domain;

import org.axonframework.serialization.Revision;

/** The account's country (which decides the currency of its prices) and language became known. */
@Revision("1")
public record MarketRecorded(String accountId, String country, String language) implements MembershipEvent {}
