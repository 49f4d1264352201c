package com.canon.cps.billing.invoice.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an allocated position is printed (the allocation itself, gapless under concurrency, is BillingIT's). */
class JdbcInvoiceNumbersTest {

    @Test
    void printsThePositionWithSixDigitsAtLeastAfterItsSeries() {
        assertThat(JdbcInvoiceNumbers.numberAt("CPS-GB-2026", 1)).isEqualTo("CPS-GB-2026-000001");
        assertThat(JdbcInvoiceNumbers.numberAt("CN-DE-2026", 123)).isEqualTo("CN-DE-2026-000123");
        assertThat(JdbcInvoiceNumbers.numberAt("CPS-GB-2026", 1_234_567)).isEqualTo("CPS-GB-2026-1234567");
    }
}
