package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;

/**
 * ES: NIF, 9 characters in one of four shapes.
 *
 * <ul>
 *   <li>DNI (Spanish natural persons): 8 digits + control letter {@code TRWAGMYFPDXBNJZSQVHLCKE[number mod 23]}.
 *   <li>NIE (foreigners): X, Y or Z (counting as 0, 1, 2) + 7 digits + the DNI control letter.
 *   <li>K, L, M (Spanish minors, non-residents, foreigners without NIE): letter + 7 digits + the DNI control letter
 *       over the 7 digits.
 *   <li>CIF (legal entities): organisation letter + 7 digits + control character: the Luhn-style digit over the 7
 *       digits, or the letter {@code JABCDEFGHI[digit]}.
 * </ul>
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Spain); Agencia Tributaria, Orden
 * EHA/451/2008 (CIF) and Real Decreto 1065/2007 (NIF). Sources disagree on which organisation letters must use the
 * numeric or the letter form of the CIF control character, so both are accepted for every organisation letter.
 */
final class SpainRule extends NationalRule {

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final String CIF_LETTERS = "JABCDEFGHI";

    SpainRule() {
        super("[0-9]{8}[A-Z]|[XYZKLM][0-9]{7}[A-Z]|[ABCDEFGHJNPQRSUVW][0-9]{7}[0-9A-J]");
    }

    @Override
    boolean checkDigitValid(String n) {
        char first = n.charAt(0);
        char control = n.charAt(8);
        if (Character.isDigit(first)) {
            return dniLetter(n.substring(0, 8)) == control;
        }
        int xyz = "XYZ".indexOf(first);
        if (xyz >= 0) {
            return dniLetter(xyz + n.substring(1, 8)) == control;
        }
        if ("KLM".indexOf(first) >= 0) {
            return dniLetter(n.substring(1, 8)) == control;
        }
        int sum = 0;
        for (int i = 1; i <= 7; i++) {
            int d = digit(n, i);
            if (i % 2 == 1) {
                d *= 2;
                d = d / 10 + d % 10;
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return control == (char) ('0' + check) || control == CIF_LETTERS.charAt(check);
    }

    private static char dniLetter(String digits) {
        return DNI_LETTERS.charAt(Integer.parseInt(digits) % 23);
    }
}
