package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * What the portal promises about sessions and pages: forms need their CSRF token, the session cookie is HttpOnly
 * and SameSite=Lax, no page allows inline scripts or sends a referrer, the access token never reaches the browser,
 * and no member sees another member's products or invoices.
 */
class PortalSecurityBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfToken_isRefused() throws Exception {
        BrowserPlatform.get();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> page = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"_csrf\"");
        HttpResponse<String> withoutToken = http.send(
                HttpRequest.newBuilder(URI.create(BrowserPlatform.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html") // as a browser sends it
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.example&password=whatever"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).doesNotContain("Exception", "\"status\"");
    }

    @Test
    void headers_cspWithoutInlineScripts_noReferrer_noFraming() throws Exception {
        BrowserPlatform.get();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/apply", "/login", "/set-password?token=abc", "/support")) {
            HttpResponse<String> page = http.send(get(path), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        }
    }

    @Test
    void theSessionCookie_isHttpOnlyAndLax_andNoTokenReachesThePage() {
        Member member = Members.active("Vault Studio Ltd", "Val Vault");
        browser = new Browser("security");
        Members.logIn(browser, member);
        browser.see("MY PRODUCTS");
        Cookie session = browser.cookies().get("CPS_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        for (String path : List.of("/products", "/subscriptions", "/account", "/notifications")) {
            browser.open(path);
            assertThat((String) browser.script("return document.documentElement.outerHTML"))
                    .as("no JWT in %s", path)
                    .doesNotContain("eyJ");
            assertThat((String) browser.script("return document.cookie")).doesNotContain("eyJ");
            // htmx keeps the current path in sessionStorage, nothing else: no token, no page
            assertThat((String) browser.script(
                            "return JSON.stringify(window.localStorage)" + " + JSON.stringify(window.sessionStorage)"))
                    .as("nothing of the member's kept in the browser's storage")
                    .doesNotContain("eyJ", "<", member.email());
        }
    }

    @Test
    void aMemberNeverSeesAnotherMembersProductsOrInvoices() {
        Member owner = Members.active("Owner Studio Ltd", "Olive Owner");
        String productId =
                Members.product(owner, "EOS-R5", "OWN-" + owner.email().hashCode());
        Member other = Members.active("Curious Studio Ltd", "Cleo Curious");
        browser = new Browser("security-other");
        Members.logIn(browser, other);
        browser.see("MY PRODUCTS");
        browser.open("/products/" + productId);
        browser.landed("another member's product");
        assertThat(browser.heading()).isEqualTo("Page not found");
        assertThat(browser.text()).doesNotContain("OWN-");
        browser.open("/invoices/" + productId);
        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.open("/back-office");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(BrowserPlatform.baseUrl() + path))
                .GET()
                .build();
    }
}
