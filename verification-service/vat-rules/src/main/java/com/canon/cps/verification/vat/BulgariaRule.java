package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;
import static com.canon.cps.verification.vat.Checksums.isDate;
import static com.canon.cps.verification.vat.Checksums.number;
import static com.canon.cps.verification.vat.Checksums.weightedSum;

/**
 * BG: 9 digits (legal entities, BULSTAT/EIK) or 10 digits (physical persons: EGN; foreigners: LNCh; others).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Bulgaria); Bulgarian Registry Agency (EIK)
 * and the Ministry of Regional Development (EGN, LNCh). A 10-digit number is accepted when it satisfies any of the
 * three 10-digit algorithms, as the type is not visible from the number.
 */
final class BulgariaRule extends NationalRule {

    BulgariaRule() {
        super("[0-9]{9,10}");
    }

    @Override
    boolean checkDigitValid(String n) {
        if (n.length() == 9) {
            return legalEntity(n);
        }
        return physicalPerson(n) || foreigner(n) || other(n);
    }

    /** Weights 1..8; if the remainder is 10, weights 3..10; a remainder of 10 again gives 0. */
    private static boolean legalEntity(String n) {
        int check = weightedSum(n, 1, 2, 3, 4, 5, 6, 7, 8) % 11;
        if (check == 10) {
            check = weightedSum(n, 3, 4, 5, 6, 7, 8, 9, 10) % 11;
        }
        return check % 10 == digit(n, 8);
    }

    /** EGN: YYMMDD birth date (month +20 for 1800s, +40 for 2000s), weights 2,4,8,5,10,9,7,3,6 mod 11 mod 10. */
    private static boolean physicalPerson(String n) {
        int year = 1900 + number(n, 0, 2);
        int month = number(n, 2, 4);
        if (month > 40) {
            year += 100;
            month -= 40;
        } else if (month > 20) {
            year -= 100;
            month -= 20;
        }
        return isDate(year, month, number(n, 4, 6))
                && weightedSum(n, 2, 4, 8, 5, 10, 9, 7, 3, 6) % 11 % 10 == digit(n, 9);
    }

    /** LNCh (personal number of a foreigner): weights 21,19,17,13,11,9,7,3,1 mod 10. */
    private static boolean foreigner(String n) {
        return weightedSum(n, 21, 19, 17, 13, 11, 9, 7, 3, 1) % 10 == digit(n, 9);
    }

    /** Others: weights 4,3,2,7,6,5,4,3,2, check {@code 11 - sum mod 11} (11 gives 0, 10 is invalid). */
    private static boolean other(String n) {
        int check = (11 - weightedSum(n, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11) % 11;
        return check == digit(n, 9);
    }
}
