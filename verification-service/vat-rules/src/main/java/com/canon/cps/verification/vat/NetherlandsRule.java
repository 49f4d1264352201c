package com.canon.cps.verification.vat;

/**
 * NL: 9 digits + {@code B} + 2-digit establishment number (not 00).
 *
 * <ul>
 *   <li>Numbers derived from the RSIN: the "11-test", weights 9,8,...,2 and -1, sum divisible by 11.
 *   <li>Sole-proprietor VAT identification numbers issued since 1 January 2020: ISO 7064 MOD 97-10 over
 *       {@code NL} + the 12 characters (letters as N=23, L=21, B=11), remainder 1.
 * </ul>
 *
 * <p>Source: Belastingdienst (btw-identificatienummer, 2020); European Commission, VIES "VAT number validation
 * routines" (Netherlands). A number is valid when either check passes. Leading zeros of the first part are often
 * omitted; 7 or 8 digits before the B are accepted and normalised to 9.
 */
final class NetherlandsRule extends NationalRule {

    NetherlandsRule() {
        super("[0-9]{9}B[0-9]{2}");
    }

    @Override
    String canonical(String national) {
        if (national.matches("[0-9]{7,8}B[0-9]{2}")) {
            return "0".repeat(12 - national.length()) + national;
        }
        return national;
    }

    @Override
    boolean wellFormed(String n) {
        return Integer.parseInt(n.substring(0, 9)) > 0 && !n.endsWith("B00");
    }

    @Override
    boolean checkDigitValid(String n) {
        int elevenTest = Checksums.weightedSum(n, 9, 8, 7, 6, 5, 4, 3, 2) - Checksums.digit(n, 8);
        return elevenTest % 11 == 0 || Checksums.mod97("NL" + n) == 1;
    }
}
