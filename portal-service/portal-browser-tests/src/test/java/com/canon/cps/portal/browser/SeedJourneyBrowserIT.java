package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed journey in a real Chromium, in English, by the labels of docs/api.md (the seed's own words): the start page,
 * the application with a VAT ID checked as it is typed, the e-mail's link, the password, login, MY PRODUCTS to 500
 * points, the invitation, "Available CPS tiers", "Please review your information", PURCHASE, the payment gateway's
 * hosted card form, and the dashboard with SUBSCRIPTION ACTIVE; then LOGOUT.
 */
class SeedJourneyBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void fromTheStartPageToAnActiveMembership_payingByCard() {
        BrowserPlatform.get();
        browser = new Browser("seed-en");
        Member member = Member.fresh("Lumen Studio Ltd", "Ada Lumen");

        browser.open("/?lang=en");
        browser.landed("start");
        browser.press("Apply for a Business Account");
        browser.landed("apply");

        apply(browser, member);
        String received = browser.landed("application received");
        assertThat(browser.heading()).isEqualTo("We have received your application");
        assertThat(received).containsPattern("We will decide by \\d{2}/\\d{2}/\\d{4}\\.");

        browser.openUrl(Mails.awaitPasswordLink(member.email(), "set"));
        browser.landed("set password");
        browser.fill("New password", member.password());
        browser.fill("Repeat new password", member.password());
        browser.press("Set password");
        browser.see("Your password is set.");
        browser.landed("login after password");

        browser.fill("E-mail", member.email());
        browser.fill("Password", member.password());
        browser.press("Log in");
        browser.see("MY PRODUCTS");
        browser.landed("my products, empty");
        assertThat(browser.hasAction("MY ACCOUNT")).isTrue();
        assertThat(browser.hasAction("LOGOUT")).isTrue();
        assertThat(browser.action("Notifications").getAccessibleName()).startsWith("Notifications");
        assertThat(browser.named("Signed in as Ada Lumen").getText()).isEqualTo("AL"); // the seed's "B+"
        assertThat(browser.hasAction("MIGRATE PRODUCTS"))
                .as("no old CPS e-mail was given")
                .isFalse();

        register(browser, "EOS 5D Mark III (235 points)", "5D-" + member.email().hashCode());
        assertThat(browser.text()).contains("EOS 5D Mark III");
        // the points follow through Kafka (ADR 17: pages show effects in other services as they arrive); the product
        // itself is this service's write, shown at once (read barrier)
        browser.reloadUntil("Points: 235", Duration.ofSeconds(20));
        browser.landed("my products, one");
        register(browser, "EOS R5 (280 points)", "R5-" + member.email().hashCode());
        browser.reloadUntil("Points: 515", Duration.ofSeconds(20));
        assertThat(browser.named("Complete").isDisplayed()).as("the green tick").isTrue();

        browser.reloadUntil("You are invited to join Canon Professional Services", Duration.ofSeconds(20));
        browser.landed("my products, invited");

        browser.press("MY SUBSCRIPTIONS");
        browser.reloadUntil("Available CPS tiers", Duration.ofSeconds(20));
        browser.landed("available tiers");
        browser.press("Select Silver");
        browser.landed("review");
        assertThat(browser.heading()).isEqualTo("Please review your information");
        assertThat(browser.text())
                .contains("Canon Professional Services : Silver", "Price: £85 excl. VAT per year", "Change Plan");
        assertThat(browser.control("Auto-Renewal").isSelected())
                .as("Auto-Renewal by default")
                .isTrue();
        browser.fill("Purchase Order Number", "PO-7781");
        browser.check("Please accept the CPS Terms & Conditions");
        browser.press("PURCHASE");

        browser.landed("payment option");
        assertThat(browser.heading()).isEqualTo("Please select payment option");
        browser.choose("Credit Card");
        browser.press("CHECKOUT");

        browser.landed("hosted card form");
        browser.fill("Card number", "4242 4242 4242 4242");
        browser.fill("Expiry (MM/YY)", "12/34");
        browser.fill("CVC", "123");
        browser.press("Authorise");

        browser.see("SUBSCRIPTION ACTIVE");
        String dashboard = browser.landed("dashboard");
        assertThat(dashboard)
                .containsPattern(Pattern.compile("Expires: \\d{2}/\\d{2}/\\d{4}"))
                .containsPattern(Pattern.compile("Membership number: \\d{9}\\b"))
                .contains("SILVER MEMBERSHIP", "VIEW", "Manage Subscription");
        assertThat(browser.action("Auto-Renewal").getAttribute("aria-checked")).isEqualTo("true");

        browser.press("LOGOUT");
        browser.see("You are logged out.");
        browser.landed("logged out");
        browser.open("/products");
        assertThat(browser.path()).startsWith("/login");
    }

    static void apply(Browser browser, Member member) {
        browser.fill("Company name", member.company());
        browser.fill("Address", "1 High St");
        browser.fill("Postal code", "SW1A 1AA");
        browser.fill("City", "London");
        browser.select("Country", "United Kingdom");
        browser.fill("Contact name", member.contact());
        browser.fill("E-mail", member.email());
        browser.select("Language", "English");
        browser.select("VAT-liable", "Yes");
        browser.fill("VAT ID", "GB980780684");
        browser.see("The format is valid: GB980780684");
        browser.check("I am authorised to give these details");
        browser.press("Submit application");
    }

    static void register(Browser browser, String model, String serial) {
        browser.press("Register a product");
        browser.landed("register a product");
        browser.select("Model", model);
        browser.fill("Serial number", serial);
        browser.fill("Purchase date", "03/05/2024");
        browser.check("This is an estimate (purchase date)");
        browser.select("Country of purchase", "United Kingdom");
        browser.fill("Dealer", "Jessops");
        browser.press("Save");
        browser.see("is registered.");
    }
}
