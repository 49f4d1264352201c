package com.canon.cps.vat.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VatRulesTest {

    private static final VatRules RULES = new VatRules(
            "NL", new BigDecimal("21.00"), new BigDecimal("20.00"), Set.of("AT", "BE", "DE", "EL", "FR", "NL", "PL"));

    @ParameterizedTest(name = "{0} liable={1} vatId={2} confirmed={3} -> {4} {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                // the seller's own country: domestic, whatever the registry said
                "NL, true,  NL004495445B01, NL004495445B01, DOMESTIC,       21.00",
                "nl, false, -,              -,              DOMESTIC,       21.00",
                // the United Kingdom, Northern Ireland included
                "GB, true,  GB980780684,    GB980780684,    UK_VAT,         20.00",
                "XI, false, -,              -,              UK_VAT,         20.00",
                // another member state: reverse charge only with the registry's confirmation of the same VAT ID
                "DE, true,  DE129273398,    DE 129.273-398, REVERSE_CHARGE, 0.00",
                "DE, true,  DE129273398,    -,              DOMESTIC,       21.00",
                "DE, true,  DE129273398,    DE811569869,    DOMESTIC,       21.00",
                "DE, false, DE129273398,    DE129273398,    DOMESTIC,       21.00",
                // Greece is EL for VAT and GR in addresses
                "GR, true,  EL094259216,    EL094259216,    REVERSE_CHARGE, 0.00",
                "EL, true,  EL094259216,    EL094259216,    REVERSE_CHARGE, 0.00",
                // outside the EU and the UK
                "CH, true,  CHE116281710,   CHE116281710,   NON_EU,         0.00",
                "NO, false, -,              -,              NON_EU,         0.00"
            })
    void decides(String country, boolean liable, String vatId, String confirmed, VatTreatment treatment, String rate) {
        VatDecision d = RULES.decide(new VatBuyer(country, liable, vatId, confirmed));
        assertThat(d.treatment()).isEqualTo(treatment);
        assertThat(d.rate()).isEqualByComparingTo(rate);
        assertThat(d.note())
                .isEqualTo(
                        switch (treatment) {
                            case REVERSE_CHARGE -> VatRules.REVERSE_CHARGE_NOTE;
                            case NON_EU -> VatRules.NON_EU_NOTE;
                            default -> null;
                        });
    }

    @Test
    void amounts_roundTheVatHalfUpToTheCent() {
        VatAmounts gb = RULES.amounts(new VatBuyer("GB", true, "GB980780684", "GB980780684"), new BigDecimal("85.00"));
        assertThat(gb.net()).isEqualByComparingTo("85.00");
        assertThat(gb.vat()).isEqualByComparingTo("17.00");
        assertThat(gb.gross()).isEqualByComparingTo("102.00");
        assertThat(gb.decision().treatment()).isEqualTo(VatTreatment.UK_VAT);

        assertThat(VatRules.vatOn(new BigDecimal("99.99"), new BigDecimal("21.00")))
                .isEqualByComparingTo("21.00");
        assertThat(VatRules.vatOn(new BigDecimal("0.10"), new BigDecimal("5.00")))
                .isEqualByComparingTo("0.01");
        VatAmounts ch = RULES.amounts(new VatBuyer("CH", true, null, null), new BigDecimal("95"));
        assertThat(ch.vat()).isEqualByComparingTo("0.00");
        assertThat(ch.gross().toPlainString()).isEqualTo("95.00");
    }

    @Test
    void negativeRates_areRefused() {
        assertThatThrownBy(() -> new VatRules("NL", new BigDecimal("-1"), BigDecimal.TEN, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
