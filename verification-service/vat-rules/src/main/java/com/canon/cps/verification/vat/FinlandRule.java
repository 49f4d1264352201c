package com.canon.cps.verification.vat;

/**
 * FI: ALV number (Y-tunnus without the dash), 8 digits; weights 7,9,10,5,8,4,2,1, sum divisible by 11.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Finland); Finnish Tax Administration (YTJ).
 */
final class FinlandRule extends NationalRule {

    FinlandRule() {
        super("[0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.weightedSum(national, 7, 9, 10, 5, 8, 4, 2, 1) % 11 == 0;
    }
}
