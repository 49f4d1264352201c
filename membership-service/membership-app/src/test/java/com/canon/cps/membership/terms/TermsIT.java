package com.canon.cps.membership.terms;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.membership.MembershipServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/membership/terms}: the published CPS Terms &amp; Conditions, without a token, in EN and DE. */
@MembershipServiceTest
class TermsIT {

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
    }

    @Test
    void theCurrentTerms_inEnglish_needNoToken() {
        HttpTestClient.Response response = http.get("/api/membership/terms", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode terms = response.json();
        assertThat(terms.properties()).hasSize(4);
        assertThat(terms.path("version").asString()).isEqualTo("2024-01");
        assertThat(terms.path("publishedOn").asString()).isEqualTo("2024-01-15");
        assertThat(terms.path("language").asString()).isEqualTo("en");
        assertThat(terms.path("text").asString())
                .startsWith("Canon Professional Services (CPS) – Terms & Conditions of Membership")
                .contains("Version 2024-01", "auto-renewal", "Applicable law");
    }

    @Test
    void aVersion_inGerman() {
        JsonNode terms =
                http.get("/api/membership/terms?version=2024-01&lang=de", null).json();

        assertThat(terms.path("version").asString()).isEqualTo("2024-01");
        assertThat(terms.path("language").asString()).isEqualTo("de");
        assertThat(terms.path("text").asString())
                .startsWith("Canon Professional Services (CPS) – Allgemeine Geschäftsbedingungen der Mitgliedschaft")
                .contains("Anwendbares Recht", "automatische Verlängerung");
        assertThat(http.get("/api/membership/terms?lang=EN", null)
                        .json()
                        .path("language")
                        .asString())
                .isEqualTo("en");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-01", "2099-01", "", "%3Cscript%3E"})
    void anUnknownVersion_isA404Problem(String version) {
        HttpTestClient.Response response = http.get("/api/membership/terms?version=" + version, null);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "", "english"})
    void anotherLanguage_isA400Problem(String lang) {
        HttpTestClient.Response response = http.get("/api/membership/terms?lang=" + lang, null);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("lang");
    }
}
