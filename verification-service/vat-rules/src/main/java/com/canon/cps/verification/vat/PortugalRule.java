package com.canon.cps.verification.vat;

/**
 * PT: NIF/NIPC, 9 digits not starting with 0; weights 9..2, check = 11 - sum mod 11 (10 and 11 give 0).
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Portugal); Autoridade Tributária e
 * Aduaneira.
 */
final class PortugalRule extends NationalRule {

    PortugalRule() {
        super("[1-9][0-9]{8}");
    }

    @Override
    boolean checkDigitValid(String n) {
        int check = (11 - Checksums.weightedSum(n, 9, 8, 7, 6, 5, 4, 3, 2) % 11) % 11 % 10;
        return check == Checksums.digit(n, 8);
    }
}
