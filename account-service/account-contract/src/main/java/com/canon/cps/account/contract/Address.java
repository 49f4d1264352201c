package com.canon.cps.account.contract;

/**
 * A postal address; {@code country} is the ISO 3166-1 alpha-2 code as the address was written ({@code GR}, or
 * {@code EL} as the platform wrote it before, for Greece; {@code XI} for Northern Ireland). The account's country code,
 * which says {@code EL} for Greece either way, is the {@code country} of the event.
 */
public record Address(String line1, String postalCode, String city, String country) {}
