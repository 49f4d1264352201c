package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a member with many points and a membership does on the pages: switches "Available CPS tiers" between the
 * business tiers and Silver/Gold/Platinum (above 2,500 points), buys a business tier, switches Auto-Renewal off under
 * Manage Subscription (in place, with htmx) and sees the end date, downloads the invoice PDF, and reads the bell.
 */
class MembershipPagesBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void businessTiers_manageSubscription_invoicePdf_andTheBell() throws Exception {
        Member member = Members.active("Big Glass Studio Ltd", "Bea Glass");
        String run = Integer.toHexString(member.email().hashCode());
        for (String model :
                new String[] {"RF-600-F4L-IS-USM", "RF-400-F2.8L-IS-USM", "EOS-R1", "EOS-R3", "EOS-R5-MARK-II", "EOS-R5"
                }) {
            Members.product(member, model, model + "-" + run); // 620 + 600 + 400 + 350 + 300 + 280 = 2,550 points
        }
        browser = new Browser("membership-pages");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.press("MY SUBSCRIPTIONS");
        browser.reloadUntil("Business tiers", Duration.ofSeconds(30));
        browser.landed("tiers, individual");
        assertThat(browser.action("Business tiers").getAttribute("aria-checked"))
                .isEqualTo("false");
        assertThat(browser.hasAction("Select Platinum")).isTrue();
        assertThat(browser.hasAction("Select Business A")).isFalse();

        browser.press("Business tiers");
        browser.landed("tiers, business");
        assertThat(browser.action("Business tiers").getAttribute("aria-checked"))
                .isEqualTo("true");
        assertThat(browser.hasAction("Select Business A")).isTrue();
        assertThat(browser.hasAction("Select Platinum")).isFalse();
        browser.press("Select Business A");
        assertThat(browser.text()).contains("Canon Professional Services : Business A");
        browser.check("Please accept the CPS Terms & Conditions");
        browser.press("PURCHASE");
        browser.choose("Bank Transfer");
        browser.press("CHECKOUT");
        browser.see("SUBSCRIPTION ACTIVE");
        assertThat(browser.text()).contains("BUSINESS A MEMBERSHIP");

        browser.pressInPlace("Auto-Renewal");
        browser.see("Your membership ends on");
        assertThat(browser.action("Auto-Renewal").getAttribute("aria-checked")).isEqualTo("false");
        browser.open("/subscriptions");
        assertThat(browser.landed("dashboard, auto-renewal off"))
                .contains("Auto-Renewal OFF", "Your membership ends on");

        browser.reloadUntil("CPS-GB-", Duration.ofSeconds(30));
        String number = browser.text().replaceAll("(?s).*?(CPS-GB-\\d{4}-\\d{6}).*", "$1");
        browser.press(number);
        browser.landed("invoice");
        String pdfUrl = browser.action("Download PDF").getAttribute("href");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pdfUrl))
                                .header(
                                        "Cookie",
                                        "CPS_SESSION="
                                                + browser.cookies()
                                                        .get("CPS_SESSION")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        browser.press("Notifications");
        String bell = browser.landed("notifications");
        assertThat(bell).contains("Mark all as read");
        browser.press("Mark all as read");
        assertThat(browser.action("Notifications").getAccessibleName()).isEqualTo("Notifications, none unread");
        assertThat(browser.hasAction("Mark all as read")).isFalse();
    }
}
