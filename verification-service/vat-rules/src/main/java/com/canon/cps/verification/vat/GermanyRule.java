package com.canon.cps.verification.vat;

/**
 * DE: USt-IdNr., 9 digits not starting with 0, ISO 7064 MOD 11,10 check digit.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Germany); Bundeszentralamt für Steuern.
 */
final class GermanyRule extends NationalRule {

    GermanyRule() {
        super("[1-9][0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.iso7064Mod11And10(national);
    }
}
