package com.canon.cps.billing.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 11649 creditor references: check digits, normalisation, printed form, and finding one in free text. */
class CreditorReferenceTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RF18539007547034", // the ISO 11649 example
                "RF18 5390 0754 7034",
                "rf18 5390 0754 7034",
                "RF712348231",
                "RF71 2348 231",
                "RF94CPSGB2026000123"
            })
    void knownReferences_areValid(String reference) {
        assertThat(CreditorReference.isValid(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RF19539007547034", // wrong check digits
                "RF81539007547034",
                "RF712348232", // wrong base
                "RF18",
                "RF",
                "",
                "RFAB539007547034",
                "XX18539007547034",
                "RF18539007547034-1",
                "RF00123456789012345678901" // base of 22
            })
    void malformedOrWrongReferences_areInvalid(String reference) {
        assertThat(CreditorReference.isValid(reference)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(CreditorReference.isValid(null)).isFalse();
        assertThat(CreditorReference.normalise(null)).isEmpty();
    }

    @Test
    void create_computesTheIsoCheckDigits() {
        assertThat(CreditorReference.create("539007547034")).isEqualTo("RF18539007547034");
        assertThat(CreditorReference.create("2348231")).isEqualTo("RF712348231");
        assertThat(CreditorReference.create("cps gb 2026 000123")).isEqualTo("RF94CPSGB2026000123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "A", "Z", "CPSGB2026000123", "123456789012345678901", "ZZZZZZZZZZZZZZZZZZZZZ"})
    void create_thenIsValid_roundTrips(String base) {
        String reference = CreditorReference.create(base);

        assertThat(reference).startsWith("RF").hasSize(4 + base.length()).endsWith(base);
        assertThat(CreditorReference.isValid(reference)).isTrue();
        assertThat(CreditorReference.isValid(CreditorReference.printed(reference)))
                .isTrue();
    }

    @Test
    void create_refusesBasesThatAreEmptyTooLongOrNotAlphanumeric() {
        assertThatThrownBy(() -> CreditorReference.create("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.create("1234567890123456789012"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditorReference.create("CPS-GB-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printed_groupsInFours() {
        assertThat(CreditorReference.printed("RF18539007547034")).isEqualTo("RF18 5390 0754 7034");
        assertThat(CreditorReference.printed("rf712348231")).isEqualTo("RF71 2348 231");
        assertThat(CreditorReference.printed("RF94 CPSGB2026000123")).isEqualTo("RF94 CPSG B202 6000 123");
    }

    @Test
    void normalise_stripsWhitespaceAndUpperCases() {
        assertThat(CreditorReference.normalise(" rf18 5390\t0754\n7034 ")).isEqualTo("RF18539007547034");
    }

    @Test
    void find_compactPrintedOrLowerCase_insideFreeText() {
        assertThat(CreditorReference.find("Invoice RF18539007547034 thanks")).contains("RF18539007547034");
        assertThat(CreditorReference.find("Ref:rf712348231.")).contains("RF712348231");
        assertThat(CreditorReference.find("CPS membership RF18 5390 0754 7034 many thanks"))
                .contains("RF18539007547034");
        assertThat(CreditorReference.find("RF71 2348 231")).contains("RF712348231");
        assertThat(CreditorReference.find("payment RF67 CPSG B202 6000 124")).contains("RF67CPSGB2026000124");
    }

    @Test
    void find_skipsInvalidCandidates_andTakesTheFirstValidOne() {
        assertThat(CreditorReference.find("RF19539007547034 or rather RF712348231 and RF18539007547034"))
                .contains("RF712348231");
    }

    @Test
    void find_nothing() {
        assertThat(CreditorReference.find(null)).isEmpty();
        assertThat(CreditorReference.find("")).isEmpty();
        assertThat(CreditorReference.find("Invoice CPS-GB-2026-000123")).isEmpty();
        assertThat(CreditorReference.find("RF19 5390 0754 7034")).isEmpty();
        assertThat(CreditorReference.find("XRF18539007547034"))
                .as("inside a word")
                .isEmpty();
    }
}
