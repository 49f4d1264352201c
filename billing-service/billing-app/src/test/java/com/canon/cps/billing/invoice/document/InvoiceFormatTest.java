package com.canon.cps.billing.invoice.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts, dates and rates as invoices print them, whatever the JVM's locale. */
class InvoiceFormatTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "85     | GBP | en | £85.00",
                "100    | EUR | en | €100.00",
                "95     | CHF | en | CHF 95.00",
                "1000   | EUR | en | €1,000.00",
                "2500.5 | NOK | en | NOK 2,500.50",
                "-85    | GBP | en | -£85.00",
                "85     | GBP | de | 85,00 £",
                "100    | EUR | de | 100,00 €",
                "95     | CHF | de | 95,00 CHF",
                "5000   | EUR | de | 5.000,00 €",
                "0.005  | EUR | de | 0,01 €",
                "17     | GBP | fr | £17.00"
            })
    void amounts(String amount, String currency, String language, String expected) {
        assertThat(InvoiceFormat.amount(new BigDecimal(amount), currency, language))
                .isEqualTo(expected);
        assertThat(InvoicePdf.amount(new BigDecimal(amount), currency, language))
                .isEqualTo(expected);
    }

    @Test
    void dates() {
        LocalDate date = LocalDate.of(2026, 1, 7);
        assertThat(InvoiceFormat.date(date, "en")).isEqualTo("07/01/2026");
        assertThat(InvoiceFormat.date(date, "de")).isEqualTo("07.01.2026");
        assertThat(InvoiceFormat.date(date, null)).isEqualTo("07/01/2026");
    }

    @Test
    void rates() {
        assertThat(InvoiceFormat.percent(new BigDecimal("20.00"), "en")).isEqualTo("20%");
        assertThat(InvoiceFormat.percent(new BigDecimal("7.70"), "en")).isEqualTo("7.7%");
        assertThat(InvoiceFormat.percent(new BigDecimal("0.00"), "en")).isEqualTo("0%");
        assertThat(InvoiceFormat.percent(new BigDecimal("19"), "de")).isEqualTo("19 %");
        assertThat(InvoiceFormat.percent(new BigDecimal("8.1"), "de")).isEqualTo("8,1 %");
    }

    @Test
    void independentOfTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(InvoiceFormat.amount(new BigDecimal("1234.5"), "EUR", "de"))
                    .isEqualTo("1.234,50 €");
            assertThat(InvoiceFormat.date(LocalDate.of(2026, 11, 27), "en")).isEqualTo("27/11/2026");
        } finally {
            Locale.setDefault(before);
        }
    }
}
