package com.canon.cps.account.onboarding.domain;

import com.canon.cps.platform.privacy.PersonalData;

/**
 * A postal address. Street, postal code and city are personal data (stored encrypted, "[erased]" once the account is
 * erased); the country code stays in clear: it decides the account's country, taxes and prices, and names no one.
 */
public record PostalAddress(
        @PersonalData String line1,
        @PersonalData String postalCode,
        @PersonalData String city,
        String country) {}
