package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;

/**
 * IE: 7 digits + check letter (+ an optional second letter since 2013), or the old form digit + letter/{@code +}/
 * {@code *} + 5 digits + check letter.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Ireland); Irish Revenue. Check letter =
 * {@code WABCDEFGHIJKLMNOPQRSTUV[(sum of digit_i * (8 - i) + 9 * value(second letter)) mod 23]}, where the second
 * letter counts A=1 ... I=9 and W=0. Old-form numbers are checked as {@code 0} + digits 3..7 + digit 1.
 */
final class IrelandRule extends NationalRule {

    private static final String ALPHABET = "WABCDEFGHIJKLMNOPQRSTUV";

    IrelandRule() {
        super("[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W]");
    }

    @Override
    boolean checkDigitValid(String n) {
        boolean oldForm = !Character.isDigit(n.charAt(1));
        String digits = oldForm ? "0" + n.substring(2, 7) + n.charAt(0) : n.substring(0, 7);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += digit(digits, i) * (8 - i);
        }
        if (n.length() == 9) {
            sum += 9 * ALPHABET.indexOf(n.charAt(8));
        }
        return ALPHABET.charAt(sum % 23) == n.charAt(7);
    }
}
