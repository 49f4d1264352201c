package com.canon.cps.verification.vat;

/**
 * PL: NIP, 10 digits; weights 6,5,7,2,3,4,5,6,7, sum mod 11 is the last digit (10 is never issued).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Poland); Polish Ministry of Finance
 * (Rozporządzenie w sprawie NIP).
 */
final class PolandRule extends NationalRule {

    PolandRule() {
        super("[0-9]{10}");
    }

    @Override
    boolean checkDigitValid(String n) {
        return Checksums.weightedSum(n, 6, 5, 7, 2, 3, 4, 5, 6, 7) % 11 == Checksums.digit(n, 9);
    }
}
