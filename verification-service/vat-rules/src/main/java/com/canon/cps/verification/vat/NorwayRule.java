package com.canon.cps.verification.vat;

/**
 * NO: organisasjonsnummer, 9 digits (the {@code MVA} suffix is removed by normalisation); weights 3,2,7,6,5,4,3,2,
 * check = 11 - sum mod 11 (11 gives 0, 10 is never issued), i.e. weights 3,2,7,6,5,4,3,2,1 sum divisible by 11.
 *
 * <p>Source: Brønnøysundregistrene (Enhetsregisteret), organisasjonsnummer modulus-11 control digit.
 */
final class NorwayRule extends NationalRule {

    NorwayRule() {
        super("[0-9]{9}");
    }

    @Override
    boolean checkDigitValid(String n) {
        return Checksums.weightedSum(n, 3, 2, 7, 6, 5, 4, 3, 2, 1) % 11 == 0;
    }
}
