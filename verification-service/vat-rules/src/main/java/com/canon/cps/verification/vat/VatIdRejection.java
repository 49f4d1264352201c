package com.canon.cps.verification.vat;

/** Why an offline VAT ID check failed. */
public enum VatIdRejection {
    /** The number does not have the structure the country prescribes (length, characters, ranges, dates). */
    FORMAT,
    /** The structure is right but the national check-digit algorithm fails. */
    CHECK_DIGIT,
    /** The two-letter prefix is not one of {@link VatIdValidator#supportedCountries()}. */
    UNSUPPORTED_COUNTRY
}
