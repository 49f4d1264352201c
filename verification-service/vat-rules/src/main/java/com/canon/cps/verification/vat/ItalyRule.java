package com.canon.cps.verification.vat;

/**
 * IT: partita IVA, 11 digits: 7-digit taxpayer number (not all zero), 3-digit office code (001-100, 120, 121, 888,
 * 999) and a Luhn check digit.
 *
 * <p>Source: European Commission, VIES "VAT number validation routines" (Italy); Agenzia delle Entrate (DPR 605/1973,
 * art. 35).
 */
final class ItalyRule extends NationalRule {

    ItalyRule() {
        super("[0-9]{11}");
    }

    @Override
    boolean wellFormed(String n) {
        int office = Checksums.number(n, 7, 10);
        boolean officeKnown =
                (office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888 || office == 999;
        return officeKnown && Checksums.number(n, 0, 7) != 0;
    }

    @Override
    boolean checkDigitValid(String national) {
        return Checksums.luhn(national);
    }
}
