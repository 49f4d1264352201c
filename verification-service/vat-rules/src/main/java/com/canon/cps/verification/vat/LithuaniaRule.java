package com.canon.cps.verification.vat;

/**
 * LT: PVM code, 9 digits (legal entities, 8th digit 1) or 12 digits (temporarily registered taxpayers, 11th digit
 * 1).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Lithuania); Lithuanian VMI. Weights
 * 1,2,...,9,1,2 (repeating); if the remainder mod 11 is 10, weights 3,4,...,9,1,2,... again; a second 10 gives 0.
 */
final class LithuaniaRule extends NationalRule {

    LithuaniaRule() {
        super("[0-9]{9}|[0-9]{12}");
    }

    @Override
    boolean wellFormed(String n) {
        return n.charAt(n.length() - 2) == '1';
    }

    @Override
    boolean checkDigitValid(String n) {
        int last = n.length() - 1;
        int check = sum(n, last, 0) % 11;
        if (check == 10) {
            check = sum(n, last, 2) % 11;
        }
        return check % 10 == Checksums.digit(n, last);
    }

    private static int sum(String n, int count, int shift) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (1 + (i + shift) % 9) * Checksums.digit(n, i);
        }
        return sum;
    }
}
