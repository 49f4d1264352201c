package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * For integrators: each service's OpenAPI document through the entry point, and one Swagger UI page with all of them,
 * served from this site only.
 */
class ApiDocsBrowserIT {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("last");
            browser.close();
        }
    }

    @Test
    void everyServicesOpenApiDocument_throughTheEntryPoint_andInOneSwaggerPage() {
        BrowserPlatform.get();
        HttpTestClient http = Members.api();
        for (String service :
                new String[] {"account", "verification", "product", "points", "membership", "billing", "notification"
                }) {
            HttpTestClient.Response doc = http.get("/openapi/" + service + ".json", null);
            assertThat(doc.status()).as(service).isEqualTo(200);
            assertThat(doc.json().path("openapi").asString()).as(service).startsWith("3.");
            assertThat(doc.json().path("paths").size()).as(service).isPositive();
        }
        browser = new Browser("api-docs");
        browser.open("/api-docs?lang=en");
        assertThat(browser.landed("api docs")).contains("API documentation", "account.json", "notification.yaml");
        browser.press("Browse the REST API of membership-service");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                // Swagger UI breaks long paths with zero-width spaces
                .until(d -> browser.text().replace("\u200b", "").contains("/api/membership/checkout"));
        browser.landed("swagger ui", 2_500_000);
    }
}
