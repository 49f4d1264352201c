package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A phone, 375 px wide: every page of a member's way to the membership fits the width (no sideways scrolling of
 * the page; wide tables scroll inside their own box) and stays usable.
 */
class NarrowScreenBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void onA375PixelScreen_everyPageFits() {
        Member member = Members.active("Pocket Studio Ltd", "Pia Pocket");
        Members.product(member, "EOS-5D-MARK-III", "P5D-" + member.email().hashCode());
        Members.product(member, "EOS-R5", "PR5-" + member.email().hashCode());
        browser = new Browser("narrow", 375, 812);

        browser.open("/?lang=en");
        browser.landed("start, 375");
        browser.open("/apply");
        browser.landed("apply, 375");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.landed("my products, 375");
        browser.press("Register a product");
        browser.landed("register, 375");
        browser.open("/subscriptions");
        browser.reloadUntil("Available CPS tiers", Duration.ofSeconds(20));
        browser.landed("tiers, 375");
        browser.press("Select Silver");
        browser.landed("review, 375");
        browser.check("Please accept the CPS Terms & Conditions");
        browser.press("PURCHASE");
        browser.landed("payment, 375");
        browser.choose("Bank Transfer");
        browser.press("CHECKOUT");
        browser.see("SUBSCRIPTION ACTIVE");
        browser.landed("dashboard, 375");
        browser.reloadUntil("CPS-GB-", Duration.ofSeconds(30));
        String number = browser.text().replaceAll("(?s).*?(CPS-GB-\\d{4}-\\d{6}).*", "$1");
        browser.press(number);
        browser.landed("invoice, 375");
        browser.open("/support");
        browser.landed("support, 375");
        browser.open("/account");
        assertThat(browser.landed("my account, 375")).contains(member.company());
    }
}
