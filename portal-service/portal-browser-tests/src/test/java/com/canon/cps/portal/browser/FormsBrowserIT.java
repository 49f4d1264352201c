package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every form: each problem is a sentence at its field (or at the top), in the page's language, and
 * nothing is stored. Then the one thing that must still work after a mistake: correcting it.
 */
class FormsBrowserIT {

    @TempDir
    Path files;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void application_saysWhatIsMissingOrWrong_atEachField() throws Exception {
        BrowserPlatform.get();
        browser = new Browser("forms-apply");
        browser.open("/apply?lang=en");
        browser.press("Submit application");
        browser.landed("apply, empty");
        assertThat(browser.text()).contains("Please correct the entries marked below.");
        assertThat(browser.errorAt("Company name")).isEqualTo("Please enter your company's legal name.");
        assertThat(browser.errorAt("Country")).isEqualTo("Please choose your country.");
        assertThat(browser.errorAt("E-mail")).isEqualTo("Please enter your e-mail address.");
        assertThat(browser.errorAt("VAT-liable")).isEqualTo("Please say whether your business is liable for VAT.");
        assertThat(browser.errorAt("I am authorised to give these details"))
                .isEqualTo("Please confirm that you are authorised to give these details.");

        Member member = Member.fresh("Kestrel Optics Ltd", "Kit Kestrel");
        browser.fill("Company name", member.company());
        browser.fill("Address", "2 Mill Lane");
        browser.fill("Postal code", "M1 1AA");
        browser.fill("City", "Manchester");
        browser.select("Country", "United Kingdom");
        browser.fill("Contact name", member.contact());
        browser.fill("E-mail", "not-an-address");
        browser.select("VAT-liable", "Yes");
        browser.fill("VAT ID", "GB980780685"); // wrong check digit
        browser.see("This VAT ID is not valid: please check the digits.");
        browser.check("I am authorised to give these details");
        browser.press("Submit application");
        browser.landed("apply, wrong e-mail");
        assertThat(browser.errorAt("E-mail")).isEqualTo("Please enter a valid e-mail address.");

        browser.fill("E-mail", member.email());
        browser.press("Submit application");
        browser.landed("apply, wrong VAT ID");
        assertThat(browser.errorAt("VAT ID"))
                .isEqualTo("This VAT ID is not valid. Please check the country code and the digits.");

        browser.fill("VAT ID", "");
        browser.press("Submit application");
        assertThat(browser.errorAt("VAT ID"))
                .isEqualTo("Give your VAT ID or upload an invoice that shows your VAT ID and company name.");

        Path notAnImage = files.resolve("notes.txt");
        Files.writeString(notAnImage, "just some text", StandardCharsets.UTF_8);
        browser.select("Document type", "Invoice showing VAT ID and company name");
        browser.upload("Document", notAnImage);
        browser.press("Submit application");
        browser.landed("apply, wrong file");
        assertThat(browser.errorAt("Document"))
                .isEqualTo("This file is not a PDF, PNG or JPEG. Please upload one of these.");
        assertThat(BrowserPlatform.mailTo(member.email()))
                .as("nothing was applied")
                .isEmpty();

        Path invoice = files.resolve("invoice.pdf");
        Files.write(
                invoice, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.select("Document type", "Invoice showing VAT ID and company name");
        browser.upload("Document", invoice);
        browser.press("Submit application");
        assertThat(browser.heading())
                .as("an invoice instead of a VAT ID")
                .isEqualTo("We have received your application");

        browser.open("/apply");
        SeedJourneyBrowserIT.apply(browser, new Member(member.company(), member.contact(), member.email(), ""));
        browser.landed("apply, e-mail taken");
        assertThat(browser.errorAt("E-mail")).startsWith("There is already an account for this e-mail address.");
    }

    @Test
    void passwordLoginAndForgottenPassword_refuseBadInputWithASentence() {
        Member member = Members.active("Harbour Films Ltd", "Hal Harbour");
        browser = new Browser("forms-password");

        browser.open("/login?lang=en");
        browser.fill("E-mail", member.email());
        browser.fill("Password", "Wrong-Password-123");
        browser.press("Log in");
        browser.landed("login, wrong password");
        assertThat(browser.text()).contains("Wrong e-mail or password.");

        browser.open("/set-password?token=not-a-real-token");
        browser.fill("New password", "Short1");
        browser.fill("Repeat new password", "Different1");
        browser.press("Set password");
        browser.landed("set password, mismatch");
        assertThat(browser.errorAt("Repeat new password")).isEqualTo("The two passwords are not the same.");
        browser.fill("New password", "Bright-Lenses-Shoot-2027");
        browser.fill("Repeat new password", "Bright-Lenses-Shoot-2027");
        browser.press("Set password");
        browser.landed("set password, unknown link");
        assertThat(browser.text()).contains("This link has already been used or has expired.");

        browser.open("/forgot-password");
        browser.fill("E-mail", "nobody");
        browser.press("Send link");
        assertThat(browser.errorAt("E-mail")).isEqualTo("Please enter a valid e-mail address.");
        browser.fill("E-mail", member.email());
        browser.press("Send link");
        browser.landed("forgotten password, sent");
        assertThat(browser.text()).contains("If an active Business Account exists for this address");

        browser.openUrl(Mails.awaitPasswordLink(member.email(), "reset"));
        browser.landed("reset password");
        assertThat(browser.heading()).isEqualTo("Set a new password");
        browser.fill("New password", "tooshort");
        browser.fill("Repeat new password", "tooshort");
        browser.press("Set password");
        assertThat(browser.errorAt("New password")).startsWith("This password is too weak.");
        browser.fill("New password", "Brand-New-Lens-2027");
        browser.fill("Repeat new password", "Brand-New-Lens-2027");
        browser.press("Set password");
        browser.see("Your password is set.");
        browser.fill("E-mail", member.email());
        browser.fill("Password", "Brand-New-Lens-2027");
        browser.press("Log in");
        browser.see("MY PRODUCTS");
    }

    @Test
    void productsAndCheckout_refuseBadInputWithASentence() {
        Member member = Members.active("Quarry Lane Pictures Ltd", "Quinn Quarry");
        Members.product(member, "EOS-5D-MARK-III", "Q5D-" + member.email().hashCode());
        Members.product(member, "EOS-R5", "QR5-" + member.email().hashCode());
        Member other = Members.active("Other Studio Ltd", "Otto Other");
        String taken = "TAKEN-" + other.email().hashCode();
        Members.product(other, "EOS-R6", taken);

        browser = new Browser("forms-products");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.press("Register a product");
        browser.press("Save");
        browser.landed("register, empty");
        assertThat(browser.errorAt("Model")).isEqualTo("Please choose the model.");
        assertThat(browser.errorAt("Serial number")).isEmpty(); // it may follow later: the registration is incomplete

        browser.select("Model", "EOS R6 (200 points)");
        browser.fill("Serial number", "FREE-" + member.email().hashCode());
        browser.fill("Purchase date", "31/02/2024");
        browser.press("Save");
        browser.landed("register, bad date");
        assertThat(browser.errorAt("Purchase date")).startsWith("Please enter the date as day, month and year");
        browser.fill("Purchase date", "01/02/2099");
        browser.press("Save");
        assertThat(browser.errorAt("Purchase date"))
                .isEqualTo("Please enter a purchase date that is not in the future.");
        browser.fill("Serial number", taken);
        browser.fill("Purchase date", "01/02/2024");
        browser.press("Save");
        browser.landed("register, serial taken");
        assertThat(browser.errorAt("Serial number")).startsWith("This serial number is already registered");

        browser.open("/subscriptions");
        browser.reloadUntil("Available CPS tiers", java.time.Duration.ofSeconds(20));
        browser.press("Select Silver");
        browser.press("PURCHASE");
        browser.landed("review, terms not accepted");
        assertThat(browser.text()).contains("Please accept the CPS Terms & Conditions to purchase.");
        browser.check("Please accept the CPS Terms & Conditions");
        browser.press("PURCHASE");
        browser.choose("Credit Card");
        browser.press("CHECKOUT");
        browser.fill("Card number", "4000 0000 0000 0002");
        browser.fill("Expiry (MM/YY)", "12/34");
        browser.fill("CVC", "123");
        browser.press("Authorise");
        browser.landed("payment, card declined");
        assertThat(browser.heading()).isEqualTo("Please select payment option");
        assertThat(browser.text())
                .contains("Your card was declined. Please choose another card or pay by bank transfer.");

        browser.choose("Bank Transfer");
        browser.press("CHECKOUT");
        browser.see("SUBSCRIPTION ACTIVE");
    }
}
