package com.canon.cps.verification.vat;

/**
 * FR: 2-character key + SIREN (9 digits). The key alphabet is the digits and the letters without I and O.
 *
 * <ul>
 *   <li>The SIREN carries a Luhn check digit (INSEE), except Monaco numbers, whose SIREN part starts with 000.
 *   <li>Numeric key: {@code (SIREN * 100 + 12) mod 97}.
 *   <li>Alphanumeric (new-style) key: with {@code c} the index in {@code 0-9A-HJ-NP-Z},
 *       {@code s = c1 * 24 + c2 - 10} when the first character is a digit, else {@code c1 * 34 + c2 - 100}; valid
 *       when {@code (SIREN + 1 + s / 11) mod 11 == s mod 11}.
 * </ul>
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (France); DGFiP; INSEE (SIREN).
 */
final class FranceRule extends NationalRule {

    private static final String KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    FranceRule() {
        super("[0-9A-HJ-NP-Z]{2}[0-9]{9}");
    }

    @Override
    boolean checkDigitValid(String n) {
        String siren = n.substring(2);
        if (!siren.startsWith("000") && !Checksums.luhn(siren)) {
            return false;
        }
        long sirenValue = Long.parseLong(siren);
        char c1 = n.charAt(0);
        char c2 = n.charAt(1);
        if (Character.isDigit(c1) && Character.isDigit(c2)) {
            return Integer.parseInt(n.substring(0, 2)) == (sirenValue * 100 + 12) % 97;
        }
        int i1 = KEY_ALPHABET.indexOf(c1);
        int i2 = KEY_ALPHABET.indexOf(c2);
        int s = Character.isDigit(c1) ? i1 * 24 + i2 - 10 : i1 * 34 + i2 - 100;
        return (sirenValue + 1 + s / 11) % 11 == s % 11;
    }
}
