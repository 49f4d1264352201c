package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed journey in German, with the keyboard alone (every field and button reached with Tab, used with typing,
 * arrows, Space and Enter): a German business applies with its Umsatzsteuer-Identifikationsnummer, sets its
 * password from the e-mail, registers products to 500 points, and buys Silber by bank transfer; the invoice shows
 * the bank details to pay with and the PDF downloads.
 */
class GermanKeyboardJourneyBrowserIT {

    private final Texts de = Texts.german();
    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void dieGanzeReiseMitDerTastatur_perBanküberweisung() {
        BrowserPlatform.get();
        browser = new Browser("seed-de-keyboard", 1280, 1000, "de-DE").keyboardOnly();
        Member member = Member.fresh("Lichtwerk GmbH", "Greta Licht");

        browser.open("/");
        browser.landed("startseite");
        assertThat(browser.heading()).isEqualTo("Canon Professional Services");
        browser.press(de.get("start.apply"));
        browser.landed("antrag");
        browser.fill(de.get("apply.companyName"), member.company());
        browser.fill(de.get("apply.address"), "Hauptstraße 1");
        browser.fill(de.get("apply.postalCode"), "10115");
        browser.fill(de.get("apply.city"), "Berlin");
        browser.select(de.get("apply.country"), "Deutschland");
        browser.fill(de.get("apply.contactName"), member.contact());
        browser.fill(de.get("apply.email"), member.email());
        browser.select(de.get("apply.language"), "Deutsch");
        browser.select(de.get("apply.vatLiable"), de.get("apply.yes"));
        browser.fill(de.get("apply.vatId"), "DE136695976");
        browser.see(de.get("apply.vatCheck.valid", "DE136695976"));
        browser.check(de.get("apply.authorised"));
        browser.press(de.get("apply.submit"));
        String received = browser.landed("antrag eingegangen");
        assertThat(browser.heading()).isEqualTo(de.get("received.heading"));
        assertThat(received).containsPattern("Wir entscheiden bis zum \\d{2}\\.\\d{2}\\.\\d{4}\\.");

        browser.openUrl(Mails.awaitPasswordLink(member.email(), "set"));
        browser.landed("passwort festlegen");
        browser.fill(de.get("password.new"), member.password());
        browser.fill(de.get("password.repeat"), member.password());
        browser.press(de.get("password.submit"));
        browser.see(de.get("login.passwordSet"));
        browser.fill(de.get("login.email"), member.email());
        browser.fill(de.get("login.password"), member.password());
        browser.press(de.get("login.submit"));
        browser.see(de.get("products.heading"));
        browser.landed("meine produkte");
        assertThat(browser.hasAction(de.get("nav.logout"))).isTrue();

        registrieren("EOS R5 (280 Punkte)", "R5-" + member.email().hashCode());
        registrieren("EOS R6 Mark II (220 Punkte)", "R6-" + member.email().hashCode());
        // the points follow through Kafka (points-service counts product-service's events): the page shows them as
        // they arrive (ADR 17), so a person reloads until the balance is there
        browser.reloadUntil(de.get("products.points", 500), Duration.ofSeconds(20));
        browser.reloadUntil(de.get("products.invite.heading"), Duration.ofSeconds(20));
        browser.landed("eingeladen");

        browser.press(de.get("nav.subscriptions"));
        browser.reloadUntil(de.get("tiers.available"), Duration.ofSeconds(20));
        browser.landed("verfügbare cps-stufen");
        browser.press(de.get("tiers.select.of", "Silber"));
        browser.landed("angaben prüfen");
        assertThat(browser.text())
                .contains("Canon Professional Services : Silber", "Preis: 100 € zzgl. MwSt. pro Jahr");
        browser.check(de.get("review.terms"));
        browser.press(de.get("review.purchase"));
        browser.landed("zahlungsmethode");
        browser.choose(de.get("payment.bank"));
        browser.press(de.get("payment.checkout"));

        browser.see(de.get("dashboard.active"));
        String dashboard = browser.landed("dashboard");
        assertThat(dashboard)
                .containsPattern(Pattern.compile("Läuft ab: \\d{2}\\.\\d{2}\\.\\d{4}"))
                .containsPattern(Pattern.compile("Mitgliedsnummer: \\d{9}\\b"))
                .contains("SILBER-MITGLIEDSCHAFT");

        browser.reloadUntil("CPS-DE-", Duration.ofSeconds(30)); // the invoice, issued by billing-service
        browser.press(firstInvoiceNumber(browser.text()));
        String invoice = browser.landed("rechnung");
        assertThat(invoice)
                .contains(de.get("invoice.bank"), "IBAN", "BIC", de.get("invoice.reference"))
                .containsPattern("RF\\d{2}[0-9A-Z]+")
                .contains("100,00 €"); // reverse charge: the seller is Dutch, the buyer's German VAT ID confirmed
        assertThat(browser.hasAction(de.get("invoice.pdf"))).isTrue();

        browser.press(de.get("nav.logout"));
        browser.see(de.get("login.loggedOut"));
    }

    private void registrieren(String model, String serial) {
        browser.press(de.get("products.register"));
        browser.landed("produkt registrieren");
        browser.select(de.get("product.model"), model);
        browser.fill(de.get("product.serial"), serial);
        browser.fill(de.get("product.purchaseDate"), "17.06.2023");
        browser.select(de.get("product.country"), "Deutschland");
        browser.fill(de.get("product.dealer"), "Foto Koch");
        browser.check(de.get("product.estimate") + de.get("product.estimate.dealer"));
        browser.press(de.get("product.save"));
        browser.see(de.get("products.registered", model.substring(0, model.indexOf(" ("))));
    }

    private static String firstInvoiceNumber(String page) {
        java.util.regex.Matcher m = Pattern.compile("CPS-DE-\\d{4}-\\d{6}").matcher(page);
        assertThat(m.find()).as("an invoice number on the dashboard").isTrue();
        return m.group();
    }
}
