package com.canon.cps.verification.vat;

/**
 * CH: UID {@code CHE} + 9 digits (the VAT suffix MWST/TVA/IVA/TPV/VAT is removed by normalisation). Weights
 * 5,4,3,2,7,6,5,4 over the first 8 digits, check = 11 - sum mod 11 (11 gives 0, 10 is never issued).
 *
 * <p>Source: Swiss Federal Statistical Office, UID register (Bundesgesetz über die
 * Unternehmens-Identifikationsnummer, UIDG; eCH-0097). The national part seen here is {@code E} + 9 digits, because
 * the country prefix is the first two letters of {@code CHE}.
 */
final class SwitzerlandRule extends NationalRule {

    SwitzerlandRule() {
        super("E[0-9]{9}");
    }

    @Override
    boolean checkDigitValid(String n) {
        String digits = n.substring(1);
        int check = (11 - Checksums.weightedSum(digits, 5, 4, 3, 2, 7, 6, 5, 4) % 11) % 11;
        return check == Checksums.digit(digits, 8);
    }
}
