package com.canon.cps.verification.vat;

/**
 * EL: AFM, 9 digits; check = (sum of digit_i * 2^(9-i) for the first 8 digits) mod 11 mod 10.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Greece); Greek AADE. Legacy 8-digit numbers
 * are accepted and normalised with a leading 0. The VAT prefix of Greece is {@code EL}; {@code GR} is accepted as an
 * alias by {@link VatIdValidator}.
 */
final class GreeceRule extends NationalRule {

    GreeceRule() {
        super("[0-9]{9}");
    }

    @Override
    String canonical(String national) {
        return national.matches("[0-9]{8}") ? "0" + national : national;
    }

    @Override
    boolean checkDigitValid(String national) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum = sum * 2 + Checksums.digit(national, i);
        }
        return sum * 2 % 11 % 10 == Checksums.digit(national, 8);
    }
}
