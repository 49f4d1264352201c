package com.canon.cps.membership.subscription.domain;

/** A net yearly price: {@code amount} as a decimal string with two places ({@code "85.00"}), ISO 4217 currency. */
public record Price(String amount, String currency) {}
