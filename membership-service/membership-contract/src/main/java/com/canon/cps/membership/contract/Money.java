package com.canon.cps.membership.contract;

/** An amount of money: {@code amount} as a decimal string (e.g. {@code "85.00"}), ISO 4217 {@code currency}. */
public record Money(String amount, String currency) {}
