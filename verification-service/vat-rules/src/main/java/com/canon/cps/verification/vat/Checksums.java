package com.canon.cps.verification.vat;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Small arithmetic helpers shared by the national rules. All inputs are already format-checked. */
final class Checksums {

    private Checksums() {}

    static int digit(String s, int index) {
        return s.charAt(index) - '0';
    }

    /** Sum of {@code digit(i) * weights[i]} over the first {@code weights.length} characters. */
    static int weightedSum(String digits, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum;
    }

    /** Luhn (ISO/IEC 7812-1) check over all digits, the last one being the check digit. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digit(digits, i);
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** ISO 7064 MOD 11,10 (hybrid system) over all digits, the last one being the check digit. */
    static boolean iso7064Mod11And10(String digits) {
        int product = 10;
        for (int i = 0; i < digits.length() - 1; i++) {
            int sum = (digit(digits, i) + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = (11 - product) % 10;
        return check == digit(digits, digits.length() - 1);
    }

    /** Remainder modulo 97 of the number formed by the characters, letters counting as A=10 ... Z=35 (ISO 7064). */
    static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
        }
        return remainder;
    }

    static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static int number(String digits, int from, int to) {
        return Integer.parseInt(digits.substring(from, to));
    }
}
