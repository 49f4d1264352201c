package com.canon.cps.verification.vat;

import java.util.regex.Pattern;

/**
 * The format and check-digit rule of one country, applied to the national part of a normalised VAT ID (everything
 * after the two-letter prefix).
 */
abstract class NationalRule {

    private final Pattern format;

    NationalRule(String formatRegex) {
        this.format = Pattern.compile(formatRegex);
    }

    /** Rewrites an accepted legacy short form into the canonical national number; identity by default. */
    String canonical(String national) {
        return national;
    }

    /** Structural checks the regex cannot express (number ranges, embedded dates). Only called on a regex match. */
    boolean wellFormed(String national) {
        return true;
    }

    /** The national check-digit algorithm. Only called on a well-formed number. */
    abstract boolean checkDigitValid(String national);

    /** {@code null} when valid, otherwise {@link VatIdRejection#FORMAT} or {@link VatIdRejection#CHECK_DIGIT}. */
    final VatIdRejection check(String national) {
        if (!format.matcher(national).matches() || !wellFormed(national)) {
            return VatIdRejection.FORMAT;
        }
        return checkDigitValid(national) ? null : VatIdRejection.CHECK_DIGIT;
    }
}
