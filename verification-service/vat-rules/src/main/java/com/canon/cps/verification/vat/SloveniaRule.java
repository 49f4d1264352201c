package com.canon.cps.verification.vat;

/**
 * SI: davčna številka, 8 digits not starting with 0; weights 8..2, check = 11 - sum mod 11 (10 gives 0, 11 is never
 * issued).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Slovenia); Financial Administration of the
 * Republic of Slovenia (FURS).
 */
final class SloveniaRule extends NationalRule {

    SloveniaRule() {
        super("[1-9][0-9]{7}");
    }

    @Override
    boolean checkDigitValid(String n) {
        int check = 11 - Checksums.weightedSum(n, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (check == 11) {
            return false;
        }
        return check % 10 == Checksums.digit(n, 7);
    }
}
