package com.canon.cps.verification.vat;

/**
 * EE: KMKR number, 9 digits; weights 3,7,1,3,7,1,3,7,1, sum divisible by 10.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Estonia); Estonian Tax and Customs Board.
 */
final class EstoniaRule extends NationalRule {

    EstoniaRule() {
        super("[0-9]{9}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.weightedSum(national, 3, 7, 1, 3, 7, 1, 3, 7, 1) % 10 == 0;
    }
}
