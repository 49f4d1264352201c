package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.test.HttpTestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Members set up through the public API (what earlier steps of a journey would have done), so that a browser test
 * can start where it wants to look: an active member, with products worth enough points.
 */
final class Members {

    /** The smallest PDF the document check accepts: an applicant's evidence, an answer to an information request. */
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Members() {}

    static HttpTestClient api() {
        return new HttpTestClient(BrowserPlatform.baseUrl());
    }

    /** Applies as a GB business with a VAT ID (approved by the registry policy), sets the password. */
    static Member active(String company, String contact, String legacyCpsEmail) {
        BrowserPlatform.get();
        Member member = Member.fresh(company, contact);
        Map<String, Object> application = new HashMap<>(Map.of(
                "companyName", member.company(),
                "address", Map.of("line1", "1 High St", "postalCode", "SW1A 1AA", "city", "London", "country", "GB"),
                "contactName", member.contact(),
                "contactEmail", member.email(),
                "language", "en",
                "vatLiable", true,
                "vatId", "GB980780684",
                "evidenceDocumentIds", List.of(),
                "authorisedToApply", true));
        if (legacyCpsEmail != null) {
            application.put("legacyCpsEmail", legacyCpsEmail);
        }
        HttpTestClient.Response applied = api().postJson("/api/accounts", HttpTestClient.json(application), null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String link = Mails.awaitPasswordLink(member.email(), "set");
        String token = URI.create(link).getQuery().substring("token=".length());
        HttpTestClient.Response set = api().postJson(
                        "/api/accounts/password",
                        HttpTestClient.json(Map.of("token", token, "password", member.password())),
                        null);
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        return member;
    }

    static Member active(String company, String contact) {
        return active(company, contact, null);
    }

    static String token(Member member) {
        HttpTestClient.Response login = api().postJson(
                        "/api/auth/login",
                        HttpTestClient.json(Map.of("email", member.email(), "password", member.password())),
                        null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    /** Registers a complete product through the API; returns its registration id. */
    static String product(Member member, String modelCode, String serial) {
        HttpTestClient.Response created = api().postJson(
                        "/api/products",
                        HttpTestClient.json(Map.of(
                                "modelCode", modelCode,
                                "serialNumber", serial,
                                "purchaseDate", "2024-05-03",
                                "countryOfPurchase", "GB",
                                "dealer", "Jessops")),
                        token(member));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("productId").asString();
    }

    static String operatorToken() {
        HttpTestClient.Response login = api().postJson(
                        "/api/auth/login",
                        HttpTestClient.json(Map.of(
                                "email",
                                BrowserPlatform.get().operatorEmail(),
                                "password",
                                BrowserPlatform.get().operatorPassword())),
                        null);
        assertThat(login.status()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    /**
     * A German business without VAT liability applies with a commercial invoice as its one document: it waits for an
     * operator in the verification queue.
     */
    static void applyWithDocument(String company, String email, String language) {
        HttpTestClient.Response upload = api().postMultipart(
                        "/api/verification/documents",
                        "rechnung.pdf",
                        "application/pdf",
                        PDF,
                        Map.of("type", "COMMERCIAL_INVOICE"),
                        null);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        HttpTestClient.Response applied = api().postJson(
                        "/api/accounts",
                        HttpTestClient.json(Map.of(
                                "companyName",
                                company,
                                "address",
                                Map.of(
                                        "line1", "Hafenstraße 3",
                                        "postalCode", "20457",
                                        "city", "Hamburg",
                                        "country", "DE"),
                                "contactName",
                                "Jo Werk",
                                "contactEmail",
                                email,
                                "language",
                                language,
                                "vatLiable",
                                false,
                                "evidenceDocumentIds",
                                List.of(upload.json().path("documentId").asString()),
                                "authorisedToApply",
                                true)),
                        null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    }

    /** An ADMIN creates an operator with {@code role} through account-service; returns its initial password. */
    static String createOperator(String email, String name, String role) {
        HttpTestClient.Response created = api().postJson(
                        "/api/operators",
                        HttpTestClient.json(Map.of("email", email, "name", name, "roles", List.of(role))),
                        operatorToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("initialPassword").asString();
    }

    /** A member with 515 points who bought Silver by bank transfer; returns the invoice once it is issued. */
    static JsonNode bankTransferInvoice(Member member) {
        Members.product(member, "EOS-5D-MARK-III", "L5D-" + member.email().hashCode());
        Members.product(member, "EOS-R5", "LR5-" + member.email().hashCode());
        String token = token(member);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/membership", token)
                        .json()
                        .path("status")
                        .asString()
                        .equals("INVITED"));
        HttpTestClient.Response checkout = api().postJson(
                        "/api/membership/checkout",
                        HttpTestClient.json(Map.of(
                                "tier", "SILVER",
                                "autoRenew", true,
                                "termsAccepted", true,
                                "termsVersion", "2024-01",
                                "paymentMethod", "BANK_TRANSFER")),
                        token);
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        JsonNode[] invoice = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode invoices = api().get("/api/invoices", token).json();
            assertThat(invoices).hasSize(1);
            invoice[0] = invoices.get(0);
        });
        return invoice[0];
    }

    static void logIn(Browser browser, Member member) {
        browser.open("/login");
        browser.fill("E-mail", member.email());
        browser.fill("Password", member.password());
        browser.press("Log in");
    }
}
