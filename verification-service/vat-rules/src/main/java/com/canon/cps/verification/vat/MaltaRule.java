package com.canon.cps.verification.vat;

/**
 * MT: 8 digits not starting with 0; weights 3,4,6,7,8,9,10,1, sum divisible by 37 (the last two digits are the check
 * number).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Malta); Commissioner for Revenue Malta.
 */
final class MaltaRule extends NationalRule {

    MaltaRule() {
        super("[1-9][0-9]{7}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.weightedSum(national, 3, 4, 6, 7, 8, 9, 10, 1) % 37 == 0;
    }
}
