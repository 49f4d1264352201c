package com.canon.cps.billing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The invoice line's wording, which the aggregate records as given (issue #17: no display text in the aggregate). */
class TierLineDescriptionsTest {

    private final TierLineDescriptions descriptions = new TierLineDescriptions();

    @Test
    void namesTheTierFromItsCode() {
        assertThat(descriptions.describe("SILVER", false)).isEqualTo("Canon Professional Services : Silver");
        assertThat(descriptions.describe("BUSINESS_A", false)).isEqualTo("Canon Professional Services : Business A");
    }

    @Test
    void marksARenewedTerm() {
        assertThat(descriptions.describe("GOLD", true)).isEqualTo("Canon Professional Services : Gold (renewal)");
    }
}
