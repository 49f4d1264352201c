package com.canon.cps.verification.vatid;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.verification.VerificationServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/verification/vat-ids/{vatId}} and {@code ?vatId=} as people type VAT IDs: spaces, a Czech ID with a
 * slash (sent as {@code %2F}), Greece as {@code GR}; every refusal a problem, never Tomcat's HTML page.
 */
@VerificationServiceTest
class VatIdCheckIT {

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void czechIdWithASlash_isCheckedInThePath_andAsAQueryParameter() {
        for (String path : new String[] {
            "/api/verification/vat-ids/CZ%20640229%2F4448",
            "/api/verification/vat-ids/CZ640229%2f4448",
            "/api/verification/vat-ids?vatId=CZ%20640229%2F4448",
            "/api/verification/vat-ids?vatId=CZ+640229/4448"
        }) {
            JsonNode check = ok(path);
            assertThat(check.path("normalised").asString()).as(path).isEqualTo("CZ6402294448");
            assertThat(check.path("country").asString()).as(path).isEqualTo("CZ");
            assertThat(check.path("valid").asBoolean()).as(path).isTrue();
            assertThat(check.path("input").asString()).as("as typed: " + path).endsWith("640229/4448");
        }
        JsonNode wrong = ok("/api/verification/vat-ids?vatId=CZ%20640229%2F4449");
        assertThat(wrong.path("valid").asBoolean()).isFalse();
        assertThat(wrong.path("reason").asString()).isEqualTo("CHECK_DIGIT");
    }

    @Test
    void greeceTypedAsGr_isReadAsEl() {
        for (String path : new String[] {
            "/api/verification/vat-ids/GR094259216", "/api/verification/vat-ids?vatId=gr%20094%20259%20216"
        }) {
            JsonNode check = ok(path);
            assertThat(check.path("normalised").asString()).as(path).isEqualTo("EL094259216");
            assertThat(check.path("country").asString()).as(path).isEqualTo("EL");
            assertThat(check.path("valid").asBoolean()).as(path).isTrue();
        }
    }

    @Test
    void theQueryFormAnswersLikeThePathForm() {
        assertThat(ok("/api/verification/vat-ids?vatId=GB980780684"))
                .isEqualTo(ok("/api/verification/vat-ids/GB980780684"));
        assertThat(ok("/api/verification/vat-ids?vatId=US123").path("reason").asString())
                .isEqualTo("UNSUPPORTED_COUNTRY");
    }

    @Test
    void refusals_areProblems_notHtml() {
        JsonNode missing = problem(http.get("/api/verification/vat-ids", null), 400);
        assertThat(missing.path("errors").get(0).path("field").asString()).isEqualTo("vatId");
        problem(http.get("/api/verification/vat-ids?vatId=%20", null), 400);
        for (String path :
                new String[] {"/api/verification/vat-ids/CZ%25640229", "/api/verification/vat-ids/CZ640229%3B4448"}) {
            HttpTestClient.Response response = http.get(path, null);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).as(path + ": " + response.body()).startsWith("application/problem+json");
        }
        // an encoded slash stays inside the one path segment: these are (invalid) VAT IDs, not other resources
        for (String path : new String[] {
            "/api/verification/vat-ids/..%2F..%2Fcases", "/api/verification/vat-ids/CZ%2F..%2F..%2Fcases"
        }) {
            JsonNode check = ok(path);
            assertThat(check.path("valid").asBoolean()).as(path).isFalse();
            assertThat(check.path("input").asString()).as(path).endsWith("../../cases");
        }
    }

    private JsonNode ok(String path) {
        HttpTestClient.Response response = http.get(path, null);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    private static JsonNode problem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        return response.json();
    }
}
