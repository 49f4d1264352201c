package com.canon.cps.billing.contract;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code ({@code EL} for Greece, {@code XI} for Northern Ireland). */
public record Address(String line1, String postalCode, String city, String country) {}
