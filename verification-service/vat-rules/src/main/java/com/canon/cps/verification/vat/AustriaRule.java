package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.digit;

/**
 * AT: {@code U} + 8 digits (UID-Nummer), last digit a Luhn-like check digit.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (algorithm for Austria); Austrian BMF. The
 * digits in even positions are doubled and reduced to their digit sum, {@code C8 = (10 - (S + 4) mod 10) mod 10}.
 */
final class AustriaRule extends NationalRule {

    AustriaRule() {
        super("U[0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String national) {
        int sum = 0;
        for (int i = 1; i <= 7; i++) {
            int d = digit(national, i);
            if (i % 2 == 0) {
                d *= 2;
                d = d / 10 + d % 10;
            }
            sum += d;
        }
        return (10 - (sum + 4) % 10) % 10 == digit(national, 8);
    }
}
