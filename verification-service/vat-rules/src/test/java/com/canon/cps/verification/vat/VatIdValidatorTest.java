package com.canon.cps.verification.vat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VatIdValidatorTest {

    private final VatIdValidator validator = new VatIdValidator();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DE 136 695 976       | DE136695976",
                "de136695976          | DE136695976",
                "De.136.695.976       | DE136695976",
                "DE-136-695-976       | DE136695976",
                "DE/136/695/976       | DE136695976",
                "' DE 136695976 '     | DE136695976",
                "fr k 7399859412      | FRK7399859412",
                "es-x-2482300w        | ESX2482300W",
                "nl 8225.69.759 b01   | NL822569759B01",
                "BE (0)468.561.072    | BE0468561072",
                "DK: 21599336         | DK21599336",
                "ie 8223200u          | IE8223200U",
                "CZ 640229/4448       | CZ6402294448", // a birth number as people write it, with its slash
                "GR 094259216         | EL094259216", // Greece's ISO code, read as its VAT prefix
            })
    void normalisesCaseAndSeparators(String input, String normalised) {
        VatIdCheck check = validator.check(input);

        assertThat(check.normalised()).isEqualTo(normalised);
        assertThat(check.valid()).isTrue();
        assertThat(check.input()).isEqualTo(input);
    }

    @Test
    void stripsOtherWhitespaceAndUnicodeDashes() {
        VatIdCheck check = validator.check("DE\u00a0136\t695\n976\u2013\u200b");

        assertThat(check.normalised()).isEqualTo("DE136695976");
        assertThat(check.valid()).isTrue();
    }

    @Test
    void greeceUsesElAndGrIsAcceptedAsAlias() {
        VatIdCheck el = validator.check("EL 094259216");
        VatIdCheck gr = validator.check("gr 094259216");

        assertThat(el).isEqualTo(new VatIdCheck("EL 094259216", "EL094259216", "EL", true, null));
        assertThat(gr).isEqualTo(new VatIdCheck("gr 094259216", "EL094259216", "EL", true, null));
        assertThat(validator.check("GR 094259217").reason()).isEqualTo(VatIdRejection.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CHE-107.787.577 MWST",
                "CHE-107.787.577 TVA",
                "CHE-107.787.577 IVA",
                "CHE-107.787.577 TPV",
                "CHE-107.787.577 VAT",
                "che-107.787.577 mwst",
                "CHE107787577",
                "CHE 107 787 577"
            })
    void swissSuffixIsStripped(String input) {
        assertThat(validator.check(input)).isEqualTo(new VatIdCheck(input, "CHE107787577", "CH", true, null));
    }

    @Test
    void swissExampleWithWrongCheckDigitIsNormalisedAndRejected() {
        VatIdCheck check = validator.check("CHE-123.456.789 MWST");

        assertThat(check.normalised()).isEqualTo("CHE123456789");
        assertThat(check.country()).isEqualTo("CH");
        assertThat(check.reason()).isEqualTo(VatIdRejection.CHECK_DIGIT);
        assertThat(validator.check("CHE-107.787.577 HRM").reason()).isEqualTo(VatIdRejection.FORMAT);
        assertThat(validator.check("CH 107.787.577").reason()).isEqualTo(VatIdRejection.FORMAT);
    }

    @Test
    void norwegianMvaSuffixIsStripped() {
        assertThat(validator.check("NO 995 525 828 MVA"))
                .isEqualTo(new VatIdCheck("NO 995 525 828 MVA", "NO995525828", "NO", true, null));
        assertThat(validator.check("no995525828mva").normalised()).isEqualTo("NO995525828");
        assertThat(validator.check("NO 995 525 828").valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "BE 428.759.497, BE0428759497", // pre-2005 9-digit enterprise number
        "EL 94051189, EL094051189", // old 8-digit AFM
        "NL4495445B01, NL004495445B01", // RSIN with leading zeros omitted
        "NL68357370B01, NL068357370B01"
    })
    void padsLegacyShortForms(String input, String normalised) {
        VatIdCheck check = validator.check(input);

        assertThat(check.normalised()).isEqualTo(normalised);
        assertThat(check.valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GBGD100", "GBHA501", "GBGD888810003", "GBHA888856782", "XIGD001", "XIHA500"})
    void acceptsGovernmentAndHealthAuthorityForms(String input) {
        assertThat(validator.check(input).valid()).isTrue();
    }

    @Test
    void ukAcceptsMod97AndThe9755SchemeButNot9755BelowRange100() {
        assertThat(validator.check("GB980780684").valid()).isTrue(); // mod 97
        assertThat(validator.check("GB100190874").valid()).isTrue(); // 9755
        assertThat(validator.check("GB001234567").reason()).isEqualTo(VatIdRejection.CHECK_DIGIT);
        assertThat(validator.check("GB242338087388").valid()).isTrue(); // branch trader
        assertThat(validator.check("XI 242 3380 87 388").country()).isEqualTo("XI");
    }

    @Test
    void latvianPersonalCodesSince2017AreCheckedForFormatOnly() {
        assertThat(validator.check("LV32867300679").valid()).isTrue();
        assertThat(validator.check("LV3286730067").reason()).isEqualTo(VatIdRejection.FORMAT);
    }

    @Test
    void romanianPersonalNumberIsNotAVatStructure() {
        assertThat(validator.check("RO 1630615123457").reason()).isEqualTo(VatIdRejection.FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " \t\n", "-./", "D", "1", "12345", "ÄÖ123", "\u0000\u0001", "🙂🙂", "DE", "GB"})
    void garbageIsRejectedWithoutException(String input) {
        VatIdCheck check = validator.check(input);

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).isEqualTo(VatIdRejection.FORMAT);
        assertThat(check.input()).isEqualTo(input);
        assertThat(check.normalised()).isNotNull();
    }

    @Test
    void unknownPrefixIsUnsupported() {
        assertThat(validator.check("us 12-3456789"))
                .isEqualTo(new VatIdCheck(
                        "us 12-3456789", "US123456789", "US", false, VatIdRejection.UNSUPPORTED_COUNTRY));
    }

    @Test
    void neverThrowsForRandomInput() {
        Random random = new Random(42);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz .-/,:()+*?é\u00a0\u2013\uD83D\uDE42";
        String[] prefixes = VatIdValidator.supportedCountries().toArray(String[]::new);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append(prefixes[random.nextInt(prefixes.length)]);
            }
            int length = random.nextInt(i % 100 == 0 ? 2_000 : 18);
            for (int j = 0; j < length; j++) {
                sb.append(
                        random.nextInt(3) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : (char) ('0' + random.nextInt(10)));
            }
            VatIdCheck check = validator.check(sb.toString());
            assertThat(check.valid()).isEqualTo(check.reason() == null);
        }
    }

    @Test
    void supportedCountriesAreTheEuStatesPlusXiGbChNo() {
        assertThat(VatIdValidator.supportedCountries())
                .hasSize(31)
                .contains("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE")
                .contains("IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")
                .contains("XI", "GB", "CH", "NO")
                .doesNotContain("GR");
        assertThatThrownBy(() -> VatIdValidator.supportedCountries().add("US"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validatorOfEveryCountryRejectsWrongShapeAsFormat() {
        for (String country : VatIdValidator.supportedCountries()) {
            assertThat(validator.check(country + "1").reason()).as(country).isEqualTo(VatIdRejection.FORMAT);
            assertThat(validator.check(country + "ABCDEFGHIJKL").reason())
                    .as(country)
                    .isEqualTo(VatIdRejection.FORMAT);
        }
    }
}
