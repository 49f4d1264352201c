package com.canon.cps.billing.contract;

/** An amount of money: {@code amount} as a decimal string (e.g. {@code "102.00"}), ISO 4217 {@code currency}. */
public record Money(String amount, String currency) {}
