package com.canon.cps.verification.vat;

/**
 * LU: 8 digits; the last two are the first six mod 89.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Luxembourg); Administration de
 * l'enregistrement, des domaines et de la TVA.
 */
final class LuxembourgRule extends NationalRule {

    LuxembourgRule() {
        super("[0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String n) {
        return Checksums.number(n, 0, 6) % 89 == Checksums.number(n, 6, 8);
    }
}
