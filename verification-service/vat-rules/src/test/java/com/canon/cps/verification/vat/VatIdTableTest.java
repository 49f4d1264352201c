package com.canon.cps.verification.vat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Runs every row of the tables of real valid and invalid VAT IDs (sources in the CSV header comments). */
class VatIdTableTest {

    private final VatIdValidator validator = new VatIdValidator();

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/vat-valid.csv", delimiter = ';')
    void acceptsRealNumbers(String country, String input, String normalised, String source) {
        VatIdCheck check = validator.check(input);

        assertThat(check.valid()).as("%s (%s) -> %s", input, source, check).isTrue();
        assertThat(check.reason()).isNull();
        assertThat(check.country()).isEqualTo(country);
        assertThat(check.normalised()).isEqualTo(normalised);
        assertThat(check.input()).isEqualTo(input);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvFileSource(resources = "/vat-invalid.csv", delimiter = ';')
    void rejectsInvalidNumbers(String country, String input, VatIdRejection reason, String source) {
        VatIdCheck check = validator.check(input);

        assertThat(check.valid()).as("%s (%s) -> %s", input, source, check).isFalse();
        assertThat(check.reason()).as("%s (%s) -> %s", input, source, check).isEqualTo(reason);
        assertThat(check.country()).isEqualTo(country.equals("none") ? null : country);
    }

    @Test
    void everySupportedCountryHasValidAndInvalidRows() throws IOException {
        Map<String, Integer> valid = new HashMap<>();
        Map<String, Integer> checkDigit = new HashMap<>();
        Map<String, Integer> format = new HashMap<>();
        for (String[] row : rows("/vat-valid.csv")) {
            valid.merge(row[0], 1, Integer::sum);
        }
        for (String[] row : rows("/vat-invalid.csv")) {
            Map<String, Integer> counter = row[2].equals("CHECK_DIGIT") ? checkDigit : format;
            counter.merge(row[0], 1, Integer::sum);
        }

        for (String country : VatIdValidator.supportedCountries()) {
            assertThat(valid.getOrDefault(country, 0))
                    .as("valid rows for %s", country)
                    .isGreaterThanOrEqualTo(5);
            assertThat(checkDigit.getOrDefault(country, 0))
                    .as("CHECK_DIGIT rows for %s", country)
                    .isGreaterThanOrEqualTo(3);
            assertThat(format.getOrDefault(country, 0))
                    .as("FORMAT rows for %s", country)
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(valid.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(1000);
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(VatIdTableTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(";"))
                    .toList();
        }
    }
}
