package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.notification.MailTemplates.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The texts themselves: both languages say the same things, every pattern renders, amounts read naturally. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void bothLanguages_haveTheSameTexts() throws IOException {
        assertThat(bundle("de").stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyText_rendersWithoutLeftOverPlaceholders(String language) throws IOException {
        Object[] arguments = {"Ada", "Lumen Studio Ltd", "A", "B", "C", "D", "E", "F"};
        for (String key : bundle(language).stringPropertyNames()) {
            String kind = key.substring(0, key.lastIndexOf('.'));
            String rendered = key.endsWith(".subject") || key.endsWith(".title") || key.endsWith(".body")
                    ? templates.render(kind, language, arguments).toString()
                    // a part of a text: rendered as the reason of a rejection
                    : templates
                            .render("application-rejected", language, "Ada", "Lumen", Text.of(key, arguments))
                            .body();
            assertThat(rendered).as(key).doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void argumentsAreNotPatterns() {
        String sneaky = "O'Brien {0} '{1}' }";
        assertThat(templates
                        .render("application-rejected", "en", "Ada", "Lumen", sneaky)
                        .body())
                .contains("Reason: " + sneaky);
    }

    @Test
    void partsOfATextFollowItsLanguage() {
        Object[] arguments = {
            "CPS-DE-2026-000042",
            new Amount(new BigDecimal("119.00"), "EUR"),
            LocalDate.parse("2026-12-27"),
            "",
            Text.of("invoice-issued.card", LocalDate.parse("2026-12-27"))
        };
        assertThat(render("invoice-issued", "de", arguments))
                .contains("Rechnungsbetrag: 119,00 €\nFällig am: 27.12.2026\n\nDer Betrag wird am Fälligkeitstag, dem"
                        + " 27.12.2026, von deiner Karte abgebucht.");
        assertThat(render("invoice-issued", "en", arguments))
                .contains("Amount due: €119.00\nDue date: 27/12/2026\n\nThe amount will be charged to your card on the"
                        + " due date, 27/12/2026.");
    }

    @Test
    void unknownReasonCodes_areWrittenAsTheyAre() {
        assertThat(render("card-not-verified", "en", WhenBillingEventThenNotify.reason("TOO_MANY_TRIES")))
                .contains("could not be verified: TOO_MANY_TRIES.");
        assertThat(render("card-not-verified", "de", WhenBillingEventThenNotify.reason("DECLINED")))
                .contains("konnte nicht geprüft werden: die Karte wurde abgelehnt.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            102.00 | GBP | en | £102.00
            102.00 | GBP | de | 102,00 £
            119.00 | EUR | en | €119.00
            119.00 | EUR | de | 119,00 €
            95.00  | CHF | en | CHF 95.00
            95.00  | CHF | de | 95,00 CHF
            1190   | EUR | en | €1,190.00
            1190   | EUR | de | 1.190,00 €
            0.5    | NOK | de | 0,50 NOK
            """)
    void amounts(String amount, String currency, String language, String expected) {
        assertThat(new Amount(new BigDecimal(amount), currency).format(Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    private String render(String kind, String language, Object... arguments) {
        return templates
                .render(kind, language, prepend("Ada Lumen", "Lumen Studio Ltd", arguments))
                .body();
    }

    private static Object[] prepend(Object a, Object b, Object... rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                MailTemplatesTest.class.getResourceAsStream("/mail/notifications_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
