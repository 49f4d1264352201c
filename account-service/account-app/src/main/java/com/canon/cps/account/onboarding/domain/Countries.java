package com.canon.cps.account.onboarding.domain;

/**
 * Country codes: an address carries the ISO 3166-1 code as written, which for Greece is {@code GR}; the platform's
 * country code of an account (its calendar, market and VAT treatment downstream) writes Greece as {@code EL}, its
 * VAT prefix, as the EU does.
 */
public final class Countries {

    private Countries() {}

    /** The account's country code for an address country: {@code GR} becomes {@code EL}, every other code stays. */
    public static String accountCountry(String addressCountry) {
        return "GR".equals(addressCountry) ? "EL" : addressCountry;
    }
}
