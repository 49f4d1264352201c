package com.canon.cps.verification.vat;

/**
 * DK: CVR/SE number, 8 digits not starting with 0; weights 2,7,6,5,4,3,2,1, sum divisible by 11.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Denmark); Danish Business Authority (CVR).
 */
final class DenmarkRule extends NationalRule {

    DenmarkRule() {
        super("[1-9][0-9]{7}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.weightedSum(national, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
    }
}
