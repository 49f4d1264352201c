package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's migration: operators imported the old CPS system's registrations; a business that gave its old CPS
 * e-mail when it applied proves that address with the code sent to it (a wrong code costs a try), then sees the blue
 * MIGRATE PRODUCTS button on MY PRODUCTS, presses it, and its products arrive with their green ticks and points. The
 * button is gone afterwards (a migration happens once).
 */
class MigrationBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void migrateProducts_fromTheOldCpsAccount() {
        BrowserPlatform.get();
        String oldEmail = "old." + System.nanoTime() + "@legacy.example";
        String csv = "legacyEmail,modelCode,serialNumber,purchaseDate,countryOfPurchase,dealer\n"
                + oldEmail + ",EOS-5D-MARK-III,LEG5D" + System.nanoTime() + ",2019-06-01,GB,Jessops\n"
                + oldEmail + ",EF-40-F2.8-STM,LEG40" + System.nanoTime() + ",2019-06-01,GB,Jessops\n";
        HttpTestClient.Response imported =
                Members.api().post("/api/products/legacy-registrations", "text/csv", csv, Members.operatorToken());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Member member = Members.active("Heritage Photo Ltd", "Hugo Heritage", oldEmail);
        browser = new Browser("migration");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        // nothing is taken over before the old address is proven with the code sent to it at activation
        browser.reloadUntil("first confirm your old CPS e-mail address", Duration.ofSeconds(20));
        assertThat(browser.hasAction("MIGRATE PRODUCTS")).isFalse();
        browser.landed("my products, old e-mail to confirm");
        browser.press("Enter the code on MY ACCOUNT");
        browser.fill("Code", "000000".equals(code(oldEmail)) ? "111111" : "000000");
        browser.press("Confirm");
        assertThat(browser.landed("my account, wrong code")).contains("This code is not right. 4 more tries are left.");
        browser.fill("Code", code(oldEmail));
        browser.press("Confirm");
        assertThat(browser.landed("my account, old e-mail confirmed"))
                .contains("Your old CPS e-mail address is confirmed");

        browser.press("MY PRODUCTS");
        // product-service learns of the proof (the help text names the button too: wait for the button itself)
        browser.reloadUntilAction("MIGRATE PRODUCTS", Duration.ofSeconds(20));
        browser.landed("my products, migration available");

        browser.press("MIGRATE PRODUCTS");
        String after = browser.landed("my products, migrated");
        assertThat(after)
                .contains("2 products of your old CPS account were migrated.")
                .contains("EOS 5D Mark III", "EF 40mm f/2.8 STM", "(migrated)");
        assertThat(browser.hasAction("MIGRATE PRODUCTS")).isFalse();
        browser.reloadUntil("Points: 250", Duration.ofSeconds(20)); // 235 + 15, counted by points-service
    }

    private static String code(String oldEmail) {
        return Mails.awaitLegacyCode(oldEmail);
    }
}
