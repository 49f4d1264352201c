package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GDPR erasure (Art. 17) on the pages: a member finds "Delete account" on MY ACCOUNT, reads on the confirmation page
 * what is lost (with the data export offered first), is refused with a sentence at the field for a missing tick and a
 * wrong password (nothing changes: the account and its login stay), then deletes the account with the right password,
 * is logged out onto "Your account has been deleted" and can no longer log in; the same in German. In the back office
 * an operator who is not an ADMIN is told who may erase, and an ADMIN erases another member with a reason: refused
 * without one, "Erasure requested" with one, the account then shown as erased and its login gone.
 */
class ErasureBrowserIT {

    private static final Texts de = Texts.german();

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        for (Browser browser : browsers) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void aMemberDeletesItsAccount_wrongPasswordFirst_andCanNoLongerLogIn() {
        Member member = Members.active("Erasure Studio Ltd", "Erin Erase");
        Members.product(member, "EOS-R5", "ER5-" + member.email().hashCode());

        Browser browser = open(new Browser("erasure-member"));
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.press("MY ACCOUNT");
        assertThat(browser.landed("my account, delete account")).contains("Delete account", "This cannot be undone.");
        browser.fullPageScreenshot(Browser.SCREENSHOTS.resolve("erasure-full-my-account.png"));
        browser.press("Delete my account");

        String confirm = browser.landed("delete account, confirmation");
        assertThat(browser.heading()).isEqualTo("Delete your account");
        assertThat(confirm)
                .contains(
                        "All personal data of your Business Account is erased for good",
                        "Your CPS membership ends at once, without a refund and without renewal.",
                        "Your registered products and your points are gone",
                        "Invoices already issued are kept with only the data tax law requires, until the end of their"
                                + " retention period",
                        "This cannot be undone.");
        assertThat(URI.create(browser.action("Download my data").getAttribute("href"))
                        .getPath())
                .isEqualTo("/account/data-export");

        // neither password nor tick: a sentence at each, nothing happens
        browser.press("Delete my account permanently");
        browser.landed("delete account, nothing given");
        assertThat(browser.errorAt("Password")).isEqualTo("Please enter your password.");
        assertThat(browser.errorAt("I understand that this cannot be undone"))
                .isEqualTo("Please confirm that you understand this cannot be undone.");

        // the right password without the tick: still nothing
        browser.fill("Password", member.password());
        browser.press("Delete my account permanently");
        browser.landed("delete account, not ticked");
        assertThat(browser.errorAt("I understand that this cannot be undone"))
                .isEqualTo("Please confirm that you understand this cannot be undone.");
        assertThat(browser.control("Password").getAttribute("value")).isEmpty(); // a password is never sent back

        // a wrong password, ticked: refused at the field, the account stays as it was
        browser.fill("Password", "not-my-password-at-all");
        browser.check("I understand that this cannot be undone");
        browser.press("Delete my account permanently");
        browser.landed("delete account, wrong password");
        assertThat(browser.errorAt("Password"))
                .isEqualTo("This is not your current password. Nothing has been deleted.");
        browser.fullPageScreenshot(Browser.SCREENSHOTS.resolve("erasure-full-wrong-password.png")); // the whole form
        assertThat(Members.token(member)).isNotBlank();
        browser.press("Keep my account");
        assertThat(browser.landed("my account, kept")).contains(member.company(), member.email());

        browser.press("Delete my account");
        browser.fill("Password", member.password());
        browser.check("I understand that this cannot be undone");
        browser.press("Delete my account permanently");
        String erased = browser.landed("account deleted");
        assertThat(browser.heading()).isEqualTo("Your account has been deleted");
        assertThat(erased)
                .contains(
                        "you are logged out",
                        "What happens next",
                        "Your e-mail address and password no longer work here.",
                        "Invoices already issued are kept")
                .doesNotContain("LOGOUT", "MY PRODUCTS", member.email());
        assertThat(browser.hasAction("Apply for a Business Account")).isTrue();

        // logged out: MY ACCOUNT asks for a login, and the login is refused
        browser.open("/account");
        assertThat(browser.path()).startsWith("/login");
        browser.fill("E-mail", member.email());
        browser.fill("Password", member.password());
        browser.press("Log in");
        assertThat(browser.landed("login after erasure")).contains("Wrong e-mail or password.");
        assertThat(login(member).status()).isEqualTo(401);
    }

    @Test
    void aMemberDeletesItsAccount_inGerman() {
        Member member = Members.active("Löschwerk Ltd", "Lotte Loesch");

        Browser browser = open(new Browser("erasure-member-de", 1280, 1000, "de-DE"));
        browser.open("/login");
        browser.fill("E-Mail", member.email());
        browser.fill("Passwort", member.password());
        browser.press("Anmelden");
        browser.see("MY PRODUCTS"); // the account's language is English; the member switches to German below
        browser.open("/account?lang=de");
        assertThat(browser.landed("mein konto, konto löschen"))
                .contains("Konto löschen", de.get("account.erasure.text"));
        browser.press("Mein Konto löschen");
        String confirm = browser.landed("konto löschen, bestätigung");
        assertThat(browser.heading()).isEqualTo(de.get("erasure.heading"));
        assertThat(confirm)
                .contains(
                        de.get("erasure.membership"),
                        de.get("erasure.invoices"),
                        de.get("erasure.final"),
                        de.get("export.download"));

        browser.fill("Passwort", "nicht-mein-passwort");
        browser.check("Mir ist klar, dass das nicht rückgängig gemacht werden kann");
        browser.press("Mein Konto endgültig löschen");
        browser.landed("konto löschen, falsches passwort");
        assertThat(browser.errorAt("Passwort")).isEqualTo(de.get("erasure.error.password.wrong"));
        browser.fullPageScreenshot(Browser.SCREENSHOTS.resolve("erasure-full-falsches-passwort.png"));
        assertThat(Members.token(member)).isNotBlank();

        browser.fill("Passwort", member.password());
        browser.check("Mir ist klar, dass das nicht rückgängig gemacht werden kann");
        browser.press("Mein Konto endgültig löschen");
        String erased = browser.landed("konto gelöscht");
        assertThat(browser.heading()).isEqualTo("Dein Konto wurde gelöscht");
        assertThat(erased).contains(de.get("erased.next"), de.get("erased.invoices"));
        assertThat(login(member).status()).isEqualTo(401);
    }

    @Test
    void anAdminErasesAMember_fromTheBackOffice_anOperatorWithoutTheRoleCannot() {
        Member member = Members.active("Erased By Letter Ltd", "Bert Brief");
        String accountId = Members.api()
                .get("/api/accounts/me", Members.token(member))
                .json()
                .path("accountId")
                .asString();
        String run = UUID.randomUUID().toString().substring(0, 6);

        // BILLING may see the member, not erase it
        String billingEmail = "billing.erase." + run + "@cps.local";
        String billingPassword = Members.createOperator(billingEmail, "Bea Billing", "BILLING");
        Browser billing = open(new Browser("erasure-billing"));
        logInAsOperator(billing, billingEmail, billingPassword);
        findMember(billing, member);
        assertThat(billing.landed("member, billing operator"))
                .contains("Erasure (GDPR Art. 17)", "Only an ADMIN can erase a member's personal data.");
        assertThat(billing.hasAction("Erase personal data")).isFalse();

        String adminEmail = "admin.erase." + run + "@cps.local";
        String adminPassword = Members.createOperator(adminEmail, "Ada Admin", "ADMIN");
        Browser admin = open(new Browser("erasure-admin"));
        logInAsOperator(admin, adminEmail, adminPassword);
        findMember(admin, member);
        assertThat(admin.landed("member, admin")).contains("Erasure (GDPR Art. 17)", member.email());

        // no reason: refused with a sentence, nothing erased
        admin.check("I have checked the request; this cannot be undone");
        admin.press("Erase personal data");
        assertThat(admin.landed("member, erasure without reason"))
                .contains("Nothing was erased: please give a reason (at most 1,000 characters).", member.email());
        assertThat(Members.token(member)).isNotBlank();

        // a reason, not confirmed: refused, the reason kept
        admin.fill("Reason", "Request by letter of 3 December 2026");
        admin.press("Erase personal data");
        assertThat(admin.landed("member, erasure not confirmed"))
                .contains("Nothing was erased: please confirm that you have checked the request");
        assertThat(admin.control("Reason").getAttribute("value")).isEqualTo("Request by letter of 3 December 2026");
        assertThat(Members.token(member)).isNotBlank();

        admin.check("I have checked the request; this cannot be undone");
        admin.press("Erase personal data");
        admin.reloadUntil("The personal data of this account is erased.", Duration.ofSeconds(30));
        String erased = admin.landed("member, erased");
        assertThat(admin.heading()).isEqualTo("Erased account");
        assertThat(erased)
                .contains("Erased", accountId, "personal data erased by")
                .doesNotContain(member.email(), member.company());
        assertThat(admin.hasAction("Erase personal data")).isFalse();
        assertThat(login(member).status()).isEqualTo(401);

        // the back office in German says the same
        admin.open("/back-office/members/" + accountId + "?lang=de");
        assertThat(admin.landed("mitglied, gelöscht"))
                .contains("Löschung (Art. 17 DSGVO)", "Die personenbezogenen Daten dieses Kontos sind gelöscht.");
    }

    private Browser open(Browser browser) {
        browsers.add(browser);
        return browser;
    }

    private static void logInAsOperator(Browser browser, String email, String password) {
        browser.open("/login?lang=en");
        browser.fill("E-mail", email);
        browser.fill("Password", password);
        browser.press("Log in");
        browser.see("Verification queue");
    }

    private static void findMember(Browser browser, Member member) {
        browser.press("Members");
        browser.fill("Search members", member.email());
        browser.press("Search");
        browser.press(member.company());
    }

    private static HttpTestClient.Response login(Member member) {
        return Members.api()
                .postJson(
                        "/api/auth/login",
                        HttpTestClient.json(Map.of("email", member.email(), "password", member.password())),
                        null);
    }
}
