package com.canon.cps.load;

import com.canon.cps.load.PlatformClient.Response;
import com.canon.cps.load.PlatformClient.StepFailure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One full seed journey through the entry point, as platform-e2e's {@code SeedJourneyIT} runs it: a GB, VAT-liable
 * company uploads an evidence PDF and applies, is verified by the registry policy, reads its password-setup link from
 * the captured e-mail, sets its password, logs in, registers two complete products (300 + 280 points), is invited,
 * buys Silver by card, and waits for its invoice and its active membership.
 */
final class Journey {

    static final String UPLOAD = "upload-evidence";
    static final String APPLY = "apply";
    static final String AWAIT_LINK = "await-password-link";
    static final String SET_PASSWORD = "set-password";
    static final String LOGIN = "login";
    static final String REGISTER_1 = "register-product-1";
    static final String REGISTER_2 = "register-product-2";
    static final String AWAIT_INVITED = "await-invited";
    static final String CHECKOUT = "checkout";
    static final String AWAIT_INVOICE = "await-invoice";
    static final String AWAIT_ACTIVE = "await-active";

    /** The steps in the order a journey takes them. */
    static final List<String> STEPS = List.of(
            UPLOAD,
            APPLY,
            AWAIT_LINK,
            SET_PASSWORD,
            LOGIN,
            REGISTER_1,
            REGISTER_2,
            AWAIT_INVITED,
            CHECKOUT,
            AWAIT_INVOICE,
            AWAIT_ACTIVE);

    static final String PASSWORD = "Lumen-Studio-2026-secure";
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-.~%]+)");
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final PlatformClient http;
    private final Results results;
    private final boolean measured;
    private final Duration stepTimeout;
    private final Duration pollInterval;
    private final String email;
    private final String company;

    /**
     * @param id unique among all journeys against this platform (the e-mail address derives from it)
     */
    Journey(PlatformClient http, Results results, boolean measured, LoadOptions options, String id) {
        this.http = http;
        this.results = results;
        this.measured = measured;
        this.stepTimeout = options.stepTimeout();
        this.pollInterval = options.pollInterval();
        // the local part must not share 3+ characters with the password between . _ - + (the password policy)
        this.email = ("load-" + id).toLowerCase() + "@lumen.example";
        this.company = "Load " + id + " Ltd";
    }

    /** The member's login e-mail (the password is {@link #PASSWORD}). */
    String email() {
        return email;
    }

    /** A member who has applied, been verified, set a password and logged in. */
    record Member(String accountId, String token) {}

    /** Runs every step; throws {@link JourneyFailed} at the first that fails (already recorded). */
    void run() {
        Member member = signUp();
        String token = member.token();
        String accountId = member.accountId();
        step(REGISTER_1, () -> register(token, "EOS-R5-MARK-II", accountId));
        step(REGISTER_2, () -> register(token, "EOS-R5", accountId));
        step(AWAIT_INVITED, () -> awaitMembership(token, "INVITED"));
        step(CHECKOUT, () -> {
            Map<String, Object> body = new HashMap<>();
            body.put("tier", "SILVER");
            body.put("autoRenew", true);
            body.put("termsAccepted", true);
            body.put("termsVersion", "2024-01");
            body.put("paymentMethod", "CARD");
            body.put("cardToken", "tok_visa");
            return expect(http.postJson("/api/membership/checkout", body, token), 201);
        });
        step(
                AWAIT_INVOICE,
                () -> poll("the invoice", () -> {
                    JsonNode invoices = expect(http.get("/api/invoices", token), 200);
                    return invoices.isArray() && !invoices.isEmpty() ? invoices.get(0) : null;
                }));
        step(AWAIT_ACTIVE, () -> awaitMembership(token, "ACTIVE"));
    }

    /** The steps up to the login (upload, apply, password-setup e-mail, set password, log in); throws like {@link #run}. */
    Member signUp() {
        String accountId = apply();
        String linkToken = step(
                AWAIT_LINK,
                () -> poll("the password-setup e-mail", () -> {
                    Response r = http.get("/dev/mail?to=" + email, null);
                    for (JsonNode mail : expect(r, 200)) {
                        Matcher m = LINK_TOKEN.matcher(mail.path("text").asString());
                        if (m.find()) {
                            return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                        }
                    }
                    return null;
                }));
        step(
                SET_PASSWORD,
                () -> expect(
                        http.postJson("/api/accounts/password", Map.of("token", linkToken, "password", PASSWORD), null),
                        204));
        String token = step(
                LOGIN,
                () -> expect(http.postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), null), 200)
                        .path("accessToken")
                        .asString());
        return new Member(accountId, token);
    }

    /** Uploads the evidence and applies; returns the new account's id. Throws like {@link #run}. */
    String apply() {
        String documentId = step(
                UPLOAD,
                () -> expect(
                                http.postMultipart(
                                        "/api/verification/documents",
                                        "evidence.pdf",
                                        "application/pdf",
                                        PDF,
                                        Map.of("type", "VAT_CERTIFICATE")),
                                201)
                        .path("documentId")
                        .asString());
        String accountId = step(
                APPLY,
                () -> expect(http.postJson("/api/accounts", application(documentId), null), 201)
                        .path("accountId")
                        .asString());
        return accountId;
    }

    private Map<String, Object> application(String documentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyName", company);
        body.put("address", Map.of("line1", "1 High St", "postalCode", "SW1A 1AA", "city", "London", "country", "GB"));
        body.put("contactName", "Ada Lumen");
        body.put("contactEmail", email);
        body.put("language", "en");
        body.put("vatLiable", true);
        body.put("vatId", "GB980780684");
        body.put("evidenceDocumentIds", List.of(documentId));
        body.put("authorisedToApply", true);
        return body;
    }

    private JsonNode register(String token, String model, String accountId) {
        Map<String, Object> body = Map.of(
                "modelCode", model,
                "serialNumber", serial(accountId),
                "purchaseDate", "2025-06-01",
                "countryOfPurchase", "GB",
                "dealer", "Wex Photo");
        return expect(http.postJson("/api/products", body, token), 201);
    }

    /** Unique per account (and so per model), within the 40 characters a serial number may have. */
    static String serial(String accountId) {
        String compact = accountId.replace("-", "");
        return "LOAD-" + compact.substring(0, Math.min(32, compact.length()));
    }

    private JsonNode awaitMembership(String token, String status) {
        String[] last = {"none yet"};
        return poll("membership " + status, () -> {
            JsonNode m = expect(http.get("/api/membership", token), 200);
            last[0] = m.path("status").asString();
            return status.equals(last[0]) ? m : null;
        });
    }

    /**
     * Calls {@code attempt} until it returns a value: first after {@code pollInterval}, then 1.5 times longer each
     * time, at most ten times the first interval; gives up after the step timeout.
     */
    private <T> T poll(String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        long interval = pollInterval.toNanos();
        long longest = interval * 10;
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() + interval > deadline) {
                throw new StepFailure("timed out waiting for " + what);
            }
            sleep(interval);
            interval = Math.min(longest, interval * 3 / 2);
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted");
        }
    }

    private static JsonNode expect(Response r, int status) {
        if (r.status() != status) {
            throw new HttpFailure(r, status);
        }
        return r.body() == null || r.body().isEmpty() ? PlatformClient.JSON.createObjectNode() : r.json();
    }

    private <T> T step(String name, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            T value = action.get();
            results.stepDone(name, System.nanoTime() - start, measured);
            return value;
        } catch (HttpFailure e) {
            results.stepFailed(name, e.getMessage(), e.detail, measured);
            throw new JourneyFailed(name);
        } catch (RuntimeException e) {
            String kind = e instanceof StepFailure ? e.getMessage() : e.toString();
            results.stepFailed(name, shorten(kind), null, measured);
            throw new JourneyFailed(name);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "...";
    }

    /** An unexpected status: kind {@code HTTP 500 (expected 201)}, the problem's detail kept as a sample. */
    private static final class HttpFailure extends RuntimeException {
        final String detail;

        HttpFailure(Response r, int expected) {
            super("HTTP " + r.status() + " (expected " + expected + ")", null, false, false);
            String body = r.body() == null ? "" : r.body();
            this.detail = "HTTP " + r.status() + ": " + (body.length() <= 400 ? body : body.substring(0, 400) + "...");
        }
    }

    /** The journey stopped at {@code step}; the error is recorded there. */
    static final class JourneyFailed extends RuntimeException {
        final String step;

        JourneyFailed(String step) {
            super("failed at " + step, null, false, false);
            this.step = step;
        }
    }
}
