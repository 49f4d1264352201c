package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.local.LocalService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service that is down takes only its part of a page with it: with points-service stopped, MY PRODUCTS still
 * lists the products and says the points are not available right now; with billing-service stopped, the dashboard
 * still shows the membership and says the invoices are not available. A page that cannot do without the stopped
 * service says so in a sentence, never with a stack trace or a bare status.
 */
class DegradedServicesBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        BrowserPlatform.get().start(LocalService.POINTS);
        BrowserPlatform.get().start(LocalService.NOTIFICATION);
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void aServiceThatIsDown_degradesItsPartOfThePage() {
        Member member = Members.active("Resilient Studio Ltd", "Rhea Resilient");
        Members.product(member, "EOS-R5", "RR5-" + member.email().hashCode());
        browser = new Browser("degraded");
        // down before the first page: the bell's count, once known, is shown for a few seconds without asking again
        BrowserPlatform.get().stop(LocalService.POINTS);
        BrowserPlatform.get().stop(LocalService.NOTIFICATION);
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.open("/products");
        String products = browser.landed("my products, points down");
        assertThat(products).contains("EOS R5", "Your points are not available right now.");
        assertThat(browser.action("Notifications").getAccessibleName())
                .as("the bell without a count")
                .isEqualTo("Notifications");
        browser.open("/notifications");
        String bell = browser.landed("notifications, down");
        assertThat(browser.heading()).isEqualTo("This page is not available right now");
        assertThat(bell).contains("Please try again in a few minutes.");

        BrowserPlatform.get().start(LocalService.POINTS);
        BrowserPlatform.get().start(LocalService.NOTIFICATION);
        browser.open("/products");
        browser.reloadUntil("Points: 280", java.time.Duration.ofSeconds(30));
    }
}
