package com.canon.cps.verification.vat;

/**
 * HU: 8 digits (first 8 digits of the tax number); weights 9,7,3,1,9,7,3,1, sum divisible by 10.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Hungary); Hungarian NAV.
 */
final class HungaryRule extends NationalRule {

    HungaryRule() {
        super("[0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.weightedSum(national, 9, 7, 3, 1, 9, 7, 3, 1) % 10 == 0;
    }
}
