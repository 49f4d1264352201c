package com.canon.cps.verification.vat;

/**
 * SE: 12 digits: the 10-digit organisation or personal number (Luhn check digit) followed by {@code 01}.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Sweden); Skatteverket.
 */
final class SwedenRule extends NationalRule {

    SwedenRule() {
        super("[0-9]{10}01");
    }

    @Override
    boolean checkDigitValid(String n) {
        return Checksums.luhn(n.substring(0, 10));
    }
}
