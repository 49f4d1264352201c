package com.canon.cps.verification.vat;

/**
 * RO: CUI/CIF, 2 to 10 digits not starting with 0. The number without its check digit is left-padded to 9 digits;
 * weights 7,5,3,2,1,7,5,3,2; check = sum * 10 mod 11 mod 10.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Romania); Romanian ANAF. The 13-digit
 * personal number (CNP) is not a VIES structure for RO and is rejected as FORMAT.
 */
final class RomaniaRule extends NationalRule {

    RomaniaRule() {
        super("[1-9][0-9]{1,9}");
    }

    @Override
    boolean checkDigitValid(String n) {
        int last = n.length() - 1;
        String body = "0".repeat(9 - last) + n.substring(0, last);
        int check = Checksums.weightedSum(body, 7, 5, 3, 2, 1, 7, 5, 3, 2) * 10 % 11 % 10;
        return check == Checksums.digit(n, last);
    }
}
