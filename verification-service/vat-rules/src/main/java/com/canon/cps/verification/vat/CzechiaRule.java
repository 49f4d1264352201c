package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;
import static com.canon.cps.verification.vat.Checksums.isDate;
import static com.canon.cps.verification.vat.Checksums.number;
import static com.canon.cps.verification.vat.Checksums.weightedSum;

/**
 * CZ: DIČ of 8 digits (legal entities), 9 digits starting with 6 (individuals without a birth number) or the 9/10
 * digit birth number (rodné číslo) of an individual.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Czech Republic); Czech Financial
 * Administration; birth number rules of Act 133/2000 Coll. (month +50 for women, +20 when the serial overflowed
 * since 2004; 9 digits only before 1954; 10-digit numbers divisible by 11, before 1985 a remainder of 10 gives 0).
 */
final class CzechiaRule extends NationalRule {

    CzechiaRule() {
        super("[0-9]{8,10}");
    }

    @Override
    boolean wellFormed(String n) {
        if (n.length() == 8) {
            return n.charAt(0) != '9';
        }
        if (n.length() == 9 && n.charAt(0) == '6') {
            return true;
        }
        return birthDate(n) != null;
    }

    @Override
    boolean checkDigitValid(String n) {
        if (n.length() == 8) {
            // weights 8..2, check = 11 - sum mod 11; 10 -> 0, 11 -> 1
            int check = (11 - weightedSum(n, 8, 7, 6, 5, 4, 3, 2) % 11) % 11;
            return (check == 0 ? 1 : check) % 10 == digit(n, 7);
        }
        if (n.length() == 9 && n.charAt(0) == '6') {
            // special case: weights 8..2 over digits 2..8, check = 8 - ((10 - sum mod 11) mod 11), mod 10
            int sum = 0;
            for (int i = 1; i <= 7; i++) {
                sum += digit(n, i) * (9 - i);
            }
            int check = Math.floorMod(8 - (10 - sum % 11) % 11, 10);
            return check == digit(n, 8);
        }
        if (n.length() == 9) {
            return true; // birth numbers issued before 1954 have no check digit
        }
        int check = (int) (Long.parseLong(n.substring(0, 9)) % 11);
        if (check == 10 && birthDate(n)[0] < 1985) {
            check = 0;
        }
        return check == digit(n, 9);
    }

    /** {year, month, day} of a birth number, or {@code null} when it does not encode a valid date. */
    private static int[] birthDate(String n) {
        int year = 1900 + number(n, 0, 2);
        int month = number(n, 2, 4) % 50 % 20;
        int day = number(n, 4, 6);
        if (n.length() == 9) {
            if (year >= 1980) {
                year -= 100;
            }
            if (year > 1953) {
                return null;
            }
        } else if (year < 1954) {
            year += 100;
        }
        return isDate(year, month, day) ? new int[] {year, month, day} : null;
    }
}
