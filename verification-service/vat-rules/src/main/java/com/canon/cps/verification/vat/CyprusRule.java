package com.canon.cps.verification.vat;

/**
 * CY: 8 digits + a check letter; numbers never start with {@code 12}.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Cyprus); Cyprus Tax Department. Digits at
 * 0-based even indexes (1st, 3rd, 5th, 7th) are translated 0→1, 1→0, 2→5, 3→7, 4→9, 5→13, 6→15, 7→17, 8→19, 9→21, the others
 * count at face value; the sum mod 26 is the letter (A=0).
 */
final class CyprusRule extends NationalRule {

    private static final int[] EVEN_POSITION_VALUES = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

    CyprusRule() {
        super("[0-9]{8}[A-Z]");
    }

    @Override
    boolean wellFormed(String national) {
        return !national.startsWith("12");
    }

    @Override
    boolean checkDigitValid(String national) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = Checksums.digit(national, i);
            sum += i % 2 == 0 ? EVEN_POSITION_VALUES[d] : d;
        }
        return national.charAt(8) == (char) ('A' + sum % 26);
    }
}
