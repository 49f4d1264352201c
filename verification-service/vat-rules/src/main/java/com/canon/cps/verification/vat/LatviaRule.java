package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;
import static com.canon.cps.verification.vat.Checksums.number;

/**
 * LV: PVN number, 11 digits.
 *
 * <ul>
 *   <li>Legal entities (first digit 4-9): weights 9,1,4,8,3,10,2,5,7,6,1, sum mod 11 == 3.
 *   <li>Natural persons, personal code DDMMYY-CNNNN (first digit 0-3; C = century, 0 = 1800s, 1 = 1900s, 2 = 2000s):
 *       the date must exist; check = (1 + weights 10,5,8,4,2,1,6,3,7,9) mod 11 mod 10.
 *   <li>Natural persons with a personal code issued since 1 July 2017 (prefix 32, no birth date): format only, no
 *       public check-digit algorithm.
 * </ul>
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Latvia); Latvian State Revenue Service;
 * Office of Citizenship and Migration Affairs (personal codes).
 */
final class LatviaRule extends NationalRule {

    LatviaRule() {
        super("[0-9]{11}");
    }

    @Override
    boolean wellFormed(String n) {
        if (isLegalEntity(n) || n.startsWith("32")) {
            return true;
        }
        int year = 1800 + digit(n, 6) * 100 + number(n, 4, 6);
        return Checksums.isDate(year, number(n, 2, 4), number(n, 0, 2));
    }

    @Override
    boolean checkDigitValid(String n) {
        if (isLegalEntity(n)) {
            return Checksums.weightedSum(n, 9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1) % 11 == 3;
        }
        if (n.startsWith("32")) {
            return true;
        }
        return (1 + Checksums.weightedSum(n, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9)) % 11 % 10 == digit(n, 10);
    }

    private static boolean isLegalEntity(String n) {
        return n.charAt(0) > '3';
    }
}
