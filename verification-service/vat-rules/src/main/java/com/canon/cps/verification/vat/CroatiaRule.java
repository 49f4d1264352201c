package com.canon.cps.verification.vat;

/**
 * HR: OIB, 11 digits, ISO 7064 MOD 11,10 check digit.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Croatia); Zakon o osobnom identifikacijskom
 * broju (NN 60/2008), which names ISO 7064 MOD 11,10.
 */
final class CroatiaRule extends NationalRule {

    CroatiaRule() {
        super("[0-9]{11}");
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.iso7064Mod11And10(national);
    }
}
