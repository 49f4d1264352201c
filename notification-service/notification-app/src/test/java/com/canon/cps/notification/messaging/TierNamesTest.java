package com.canon.cps.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TierNamesTest {

    @Test
    void tierCodes_becomeNames() {
        assertThat(TierNames.of("SILVER")).isEqualTo("Silver");
        assertThat(TierNames.of("BUSINESS_A")).isEqualTo("Business A");
        assertThat(TierNames.of(null)).isEmpty();
    }
}
