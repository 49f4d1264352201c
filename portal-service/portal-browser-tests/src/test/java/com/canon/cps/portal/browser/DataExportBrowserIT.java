package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.local.LocalService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GDPR access and portability (Art. 15, 20): a member with a product and an invoice finds "Download my data" on MY
 * ACCOUNT, in English and in German, and gets one JSON file with every section (account, documents, products, points
 * and their history, membership, invoices, notifications); with points-service down there is no file but a page saying
 * to try again later. An operator (BILLING, not an ADMIN) exports the same member from the back office's member page;
 * a member may not.
 */
class DataExportBrowserIT {

    private static final List<String> SECTIONS = List.of(
            "exportedAt",
            "accountId",
            "limitations",
            "account",
            "documents",
            "products",
            "pointsBalance",
            "pointsHistory",
            "membership",
            "invoices",
            "notifications");

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        BrowserPlatform.get().start(LocalService.POINTS);
        for (Browser browser : browsers) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void aMemberDownloadsAllItsData_inEnglishAndGerman_andAnOperatorExportsTheSame() throws Exception {
        Member member = Members.active("Export Studio Ltd", "Ella Export");
        JsonNode invoice = Members.bankTransferInvoice(member); // registers EOS-5D-MARK-III and EOS-R5, buys Silver
        String invoiceNumber = invoice.path("number").asString();
        String serial = "LR5-" + member.email().hashCode();

        Browser browser = open(new Browser("data-export"));
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        browser.press("MY ACCOUNT");
        assertThat(browser.landed("my account, your data")).contains("Your data", "Download my data");
        String href = browser.action("Download my data").getAttribute("href");
        assertThat(URI.create(href).getPath()).isEqualTo("/account/data-export");

        JsonNode file = download(browser, href, member, invoiceNumber, serial);
        String accountId = file.path("accountId").asString();
        assertThat(file.path("exportedBy").asString()).isEqualTo("MEMBER");
        assertThat(file.path("account").path("contactEmail").asString()).isEqualTo(member.email());
        assertThat(file.path("account").path("address").path("city").asString()).isEqualTo("London");
        assertThat(file.path("invoices").get(0).path("lines").isArray()).isTrue();
        assertThat(file.path("invoices").get(0).path("pdf").asString()).endsWith("/pdf");
        assertThat(file.path("pointsBalance").path("balance").asInt()).isEqualTo(515);
        assertThat(file.path("pointsHistory")).isNotEmpty();
        assertThat(file.path("membership").path("tier").asString()).isEqualTo("SILVER");

        // points-service down: no file, a page that says so and offers to try again
        BrowserPlatform.get().stop(LocalService.POINTS);
        browser.press("Download my data");
        assertThat(browser.landed("data export, points down"))
                .contains("Please try again later.", "We have not created a file.")
                .doesNotContain("points-service");
        assertThat(browser.heading()).isEqualTo("Your data could not be exported right now");
        assertThat(browser.hasAction("Try again")).isTrue();
        BrowserPlatform.get().start(LocalService.POINTS);
        browser.press("Back to MY ACCOUNT");

        Texts german = Texts.german();
        browser.open("/account?lang=de");
        assertThat(browser.landed("mein konto, deine daten"))
                .contains(german.get("export.heading"), "Meine Daten herunterladen");
        String germanHref = browser.action(german.get("export.download")).getAttribute("href");
        JsonNode germanFile = download(browser, germanHref, member, invoiceNumber, serial);
        assertThat(germanFile.path("accountId").asString()).isEqualTo(accountId);

        // any operator may see the member's page, so any may export it: here one with the role BILLING only
        String run = UUID.randomUUID().toString().substring(0, 6);
        String operatorEmail = "gdpr." + run + "@cps.local";
        String password = Members.createOperator(operatorEmail, "Greta Gdpr", "BILLING");
        Browser operator = open(new Browser("data-export-operator"));
        operator.open("/login?lang=en");
        operator.fill("E-mail", operatorEmail);
        operator.fill("Password", password);
        operator.press("Log in");
        operator.see("Verification queue");
        operator.press("Members");
        operator.fill("Search members", member.email());
        operator.press("Search");
        operator.press(member.company());
        assertThat(operator.landed("member, export")).contains("Access and portability (GDPR)");
        String operatorHref = operator.action("Export data (Art. 15)").getAttribute("href");
        assertThat(URI.create(operatorHref).getPath()).isEqualTo("/back-office/members/" + accountId + "/data-export");
        JsonNode operatorFile = download(operator, operatorHref, member, invoiceNumber, serial);
        assertThat(operatorFile.path("exportedBy").asString()).isEqualTo("OPERATOR");
        assertThat(operatorFile.path("accountId").asString()).isEqualTo(accountId);
        assertThat(operatorFile.path("account").path("email").asString()).isEqualTo(member.email());
        assertThat(operatorFile.path("documents").isArray()).isTrue();
        // every invoice of the member, as in the member's own file (billing's ?accountId= read for operators)
        assertThat(operatorFile.path("invoices").findValuesAsString("number"))
                .isNotEmpty()
                .isEqualTo(file.path("invoices").findValuesAsString("number"));
        assertThat(operatorFile.path("limitations").findValuesAsString("section"))
                .doesNotContain("invoices");

        // a member's session may not use the operators' door
        assertThat(fetch(browser, operatorHref).statusCode()).isEqualTo(403);
    }

    private Browser open(Browser browser) {
        browsers.add(browser);
        return browser;
    }

    /** The file as the browser would save it, fetched with the browser's session cookie. */
    private static JsonNode download(Browser browser, String href, Member member, String invoiceNumber, String serial)
            throws Exception {
        HttpResponse<String> response = fetch(browser, href);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode file = JsonMapper.builder().build().readTree(response.body());
        String accountId = file.path("accountId").asString();
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .startsWith("attachment")
                        .contains("cps-data-" + accountId + "-" + LocalDate.now(ZoneOffset.UTC) + ".json"));
        List<String> keys = new ArrayList<>(file.propertyNames());
        assertThat(keys).containsAll(SECTIONS);
        assertThat(response.body())
                .contains(member.company(), member.email(), "EOS R5", serial, invoiceNumber)
                .doesNotContain("%PDF", "accessToken");
        return file;
    }

    private static HttpResponse<String> fetch(Browser browser, String href) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header(
                                        "Cookie",
                                        "CPS_SESSION="
                                                + browser.cookies()
                                                        .get("CPS_SESSION")
                                                        .getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
