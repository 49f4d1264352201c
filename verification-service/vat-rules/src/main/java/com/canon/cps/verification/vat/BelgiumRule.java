package com.canon.cps.verification.vat;

/**
 * BE: enterprise number, 10 digits starting with 0 or 1; the last two digits are {@code 97 - (first 8 mod 97)}.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Belgium); FPS Economy, Crossroads Bank for
 * Enterprises. Legacy 9-digit numbers (before the 2005 switch to 10 digits) are accepted and normalised with a
 * leading 0.
 */
final class BelgiumRule extends NationalRule {

    BelgiumRule() {
        super("[01][0-9]{9}");
    }

    @Override
    String canonical(String national) {
        return national.matches("[0-9]{9}") ? "0" + national : national;
    }

    @Override
    boolean wellFormed(String national) {
        return Long.parseLong(national) > 0;
    }

    @Override
    boolean checkDigitValid(String national) {
        long body = Long.parseLong(national.substring(0, 8));
        return 97 - body % 97 == Integer.parseInt(national.substring(8));
    }
}
