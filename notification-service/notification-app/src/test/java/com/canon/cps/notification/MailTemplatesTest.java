package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.notification.MailTemplates.Text;
import com.canon.cps.notification.config.NotificationSettings;
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
import org.springframework.web.util.HtmlUtils;

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
        assertThat(render("card-not-verified", "en", paymentReason("TOO_MANY_TRIES")))
                .contains("could not be verified: TOO_MANY_TRIES.");
        assertThat(render("card-not-verified", "de", paymentReason("DECLINED")))
                .contains("konnte nicht geprüft werden: die Karte wurde abgelehnt.");
    }

    private static final NotificationSettings SETTINGS = new NotificationSettings(
            "donotreply@canon-europe.com",
            10,
            java.time.Duration.ofMillis(500),
            "https://cps.example/set-password?token=",
            "https://cps.example/reset-password?token=",
            "https://cps.example/");
    private final PortalLinks links = new PortalLinks(SETTINGS);

    /** Every e-mail as its policy queues it, with the portal links it carries. */
    private Object[][] everyMail() {
        LocalDate due = LocalDate.parse("2026-12-27");
        Amount amount = new Amount(new BigDecimal("119.00"), "EUR");
        return new Object[][] {
            {"application-received", new Object[] {}},
            {
                "account-approved",
                new Object[] {links.setPassword("tok_1"), java.time.Instant.parse("2026-11-30T10:15:00Z")}
            },
            {
                "password-reset",
                new Object[] {links.resetPassword("tok_2"), java.time.Instant.parse("2026-11-30T10:15:00Z")}
            },
            {"application-rejected", new Object[] {"The VAT ID does not belong to the company."}},
            {"information-requested", new Object[] {"A trade register extract, please."}},
            {"cps-invitation", new Object[] {500, links.subscriptions(), links.products()}},
            {"membership-activated", new Object[] {"Silver", "123456789", due, links.subscriptions()}},
            {"renewal-upcoming", new Object[] {"Silver", due, links.subscriptions()}},
            {"membership-expired", new Object[] {"123456789", due, links.subscriptions()}},
            {
                "invoice-issued",
                new Object[] {
                    "CPS-DE-2026-000042", amount, due, "", Text.of("invoice-issued.card", due), links.invoice("inv-42")
                }
            },
            {"card-not-verified", new Object[] {paymentReason("DECLINED"), links.subscriptions()}},
            {
                "payment-failed",
                new Object[] {
                    "CPS-DE-2026-000042",
                    amount,
                    paymentReason("DECLINED"),
                    Text.of("payment-failed.no-next-attempt"),
                    links.invoice("inv-42")
                }
            },
            {
                "invoice-overdue",
                new Object[] {
                    "CPS-DE-2026-000042", amount, due, Text.of("invoice-overdue.card"), links.invoice("inv-42")
                }
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyMail_hasAnHtmlPart_withTheWordsOfItsPlainText_andItsLinksAsAnchorsAndButtons(String language) {
        for (Object[] mail : everyMail()) {
            String kind = (String) mail[0];
            Object[] arguments = prepend("Ada Lumen", "Lumen Studio Ltd", (Object[]) mail[1]);
            MailTemplates.Rendered rendered = templates.render(kind, language, arguments);
            String html = rendered.html();

            assertThat(html)
                    .as(kind)
                    .startsWith("<!DOCTYPE html>")
                    .contains("<html lang=\"" + language + "\">")
                    .contains("<title>" + HtmlUtils.htmlEscape(rendered.subject(), "UTF-8") + "</title>")
                    .contains(">" + HtmlUtils.htmlEscape(rendered.title(), "UTF-8") + "</h1>");
            for (String line : rendered.body().split("\n")) {
                if (!line.isBlank() && !line.contains("https://")) {
                    assertThat(html).as(kind + ": " + line).contains(HtmlUtils.htmlEscape(line, "UTF-8"));
                }
            }
            for (Object argument : arguments) {
                if (argument instanceof MailTemplates.Link link) {
                    assertThat(html).as(kind).contains("<a href=\"" + HtmlUtils.htmlEscape(link.url(), "UTF-8") + "\"");
                    assertThat(rendered.body().split(java.util.regex.Pattern.quote(link.url()), -1))
                            .as(kind + ": the plain text shows each link once")
                            .hasSize(2);
                }
            }
            assertSelfContained(kind, html);
        }
    }

    @Test
    void links_pointAtThePortalsPages_underTheConfiguredBase() {
        MailTemplates.Rendered invoice = templates.render(
                "invoice-issued",
                "en",
                prepend(
                        "Ada Lumen",
                        "Lumen Studio Ltd",
                        "CPS-GB-2026-000123",
                        new Amount(new BigDecimal("102.00"), "GBP"),
                        LocalDate.parse("2026-12-27"),
                        "",
                        Text.of("invoice-issued.as-invoiced", LocalDate.parse("2026-12-27")),
                        links.invoice("5b1c7f7e-0000-4000-8000-000000000001")));
        assertThat(invoice.html())
                .contains("<a href=\"https://cps.example/invoices/5b1c7f7e-0000-4000-8000-000000000001\"")
                .contains(">View the invoice</a>");
        assertThat(invoice.body())
                .contains("\n\nView the invoice: https://cps.example/invoices/5b1c7f7e-0000-4000-8000-000000000001"
                        + "\n\nCanon Professional Services");

        MailTemplates.Rendered invitation = templates.render(
                "cps-invitation",
                "de",
                prepend("Ada Lumen", "Lumen Studio Ltd", 500, links.subscriptions(), links.products()));
        assertThat(invitation.html())
                .contains("<a href=\"https://cps.example/subscriptions\"")
                .contains(">MEINE ABONNEMENTS öffnen</a>")
                .contains("<a href=\"https://cps.example/products\"")
                .contains(">MEINE PRODUKTE öffnen</a>");

        MailTemplates.Rendered approved = templates.render(
                "account-approved",
                "en",
                prepend(
                        "Ada Lumen",
                        "Lumen Studio Ltd",
                        links.setPassword("a+b/c"),
                        java.time.Instant.parse("2026-11-30T10:15:00Z")));
        assertThat(approved.body()).contains("\n\nhttps://cps.example/set-password?token=a%2Bb%2Fc\n\n");
        assertThat(approved.html())
                .contains("<a href=\"https://cps.example/set-password?token=a%2Bb%2Fc\"")
                .contains(">Set your password</a>");
    }

    @Test
    void html_escapesEverythingItShows() {
        String hostile = "<script>alert(1)</script> & \"Co\" <img src=x onerror=alert(2)>";
        MailTemplates.Rendered rendered =
                templates.render("application-rejected", "en", hostile, "Lumen & Söhne", hostile);

        assertThat(rendered.html())
                .doesNotContain("<script")
                .doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("Lumen &amp; Söhne");
    }

    /** What e-mail clients need: inline styles only, no images, fonts, scripts or other resources from elsewhere. */
    private static void assertSelfContained(String kind, String html) {
        assertThat(html)
                .as(kind)
                .doesNotContain("<style")
                .doesNotContain("<link")
                .doesNotContain("<img")
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("url(")
                .doesNotContain("@import")
                .doesNotContain("@font-face");
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

    /** A gateway's reason code as billing's e-mails pass it (BillingTexts.reason). */
    private static Text paymentReason(String code) {
        return Text.withFallback("payment-reason." + code, code);
    }
}
