package com.canon.cps.verification.vat;

import static com.canon.cps.verification.vat.Checksums.number;

/**
 * GB and XI (Northern Ireland, same numbers): VAT registration number.
 *
 * <ul>
 *   <li>Standard: 9 digits; branch traders: 12 digits (9 + 3-digit branch, not checked). Weights 8,7,6,5,4,3,2 over
 *       the first 7 digits plus the 2-digit check number: the total mod 97 must be 0 ("mod 97"), or 42 for numbers
 *       from 100 0000 00 upwards (the "9755" scheme, where 55 is added before the mod 97 test).
 *   <li>Government departments {@code GD000}-{@code GD499} and health authorities {@code HA500}-{@code HA999}.
 *   <li>Their EU-format equivalents {@code GD8888nnncc} / {@code HA8888nnncc}, {@code cc = nnn mod 97}.
 * </ul>
 *
 * <p>Source: HM Revenue &amp; Customs, VAT registration number check-digit notes; European Commission, VIES "VAT
 * number validation routines" (United Kingdom / Northern Ireland).
 */
final class UnitedKingdomRule extends NationalRule {

    UnitedKingdomRule() {
        super("[0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2}|GD8888[0-4][0-9]{4}|HA8888[5-9][0-9]{4}");
    }

    @Override
    boolean checkDigitValid(String n) {
        if (n.startsWith("GD") || n.startsWith("HA")) {
            return n.length() == 5 || number(n, 6, 9) % 97 == number(n, 9, 11);
        }
        int remainder = Checksums.weightedSum(n, 8, 7, 6, 5, 4, 3, 2, 10, 1) % 97;
        return remainder == 0 || (remainder == 42 && number(n, 0, 3) >= 100);
    }
}
