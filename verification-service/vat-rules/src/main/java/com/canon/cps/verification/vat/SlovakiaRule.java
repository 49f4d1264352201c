package com.canon.cps.verification.vat;

/**
 * SK: IČ DPH, 10 digits, first digit not 0, third digit 2, 3, 4, 7, 8 or 9; the number is divisible by 11.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Slovakia); Financial Administration of the
 * Slovak Republic.
 */
final class SlovakiaRule extends NationalRule {

    SlovakiaRule() {
        super("[1-9][0-9][234789][0-9]{7}");
    }

    @Override
    boolean checkDigitValid(String n) {
        return Long.parseLong(n) % 11 == 0;
    }
}
