package com.canon.cps.faults;

import com.canon.cps.faults.Http.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The seed journey of platform-load's {@code Journey} (a GB, VAT-liable company uploads evidence, applies, is verified
 * by the registry, sets its password from the e-mailed link, logs in, registers two complete products (300 + 280
 * points), is invited, buys Silver by card, gets its invoice and an active membership), written as a state machine
 * that can be continued after any failure: each call of {@link #advance()} takes the next step, and every step either
 * is idempotent or first finds out whether an earlier attempt (whose answer was lost to a crash) took effect.
 *
 * <p>Why not platform-load's {@code Journey} itself: it runs all steps in one go and restarts from the upload when
 * it fails, which after a lost answer applies twice (409) and can never finish; it is also package-private in a
 * repackaged (Spring Boot) jar that cannot be a dependency. This class follows the same requests and payloads.
 */
final class ResumableJourney {

    // no digits: a journey number (a name in the e-mail address, e.g. "202") must never occur in the password
    static final String PASSWORD = "Lumen-Studio-secure-Quay!";
    static final List<String> MODELS = List.of("EOS-R5-MARK-II", "EOS-R5");
    static final int EXPECTED_POINTS = 300 + 280;
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-.~%]+)");
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    final String id;
    final String email;
    private final String company;

    private String documentId;
    private boolean applied;
    String accountId;
    private String linkToken;
    private boolean passwordSet;
    private String token;
    private final boolean[] registered = new boolean[MODELS.size()];
    final String[] productIds = new String[MODELS.size()];
    private boolean invited;
    boolean checkedOut;
    private boolean invoiced;
    String membershipNumber;
    private boolean done;
    /** Answers the journey had to retry after, by kind (lost answers, 5xx while a server was down, ...). */
    final Map<String, Integer> retries = new HashMap<>();

    ResumableJourney(String id) {
        this.id = id;
        // the local part must not share 3+ characters with the password between . _ - + (the password policy)
        this.email = ("fi-" + id).toLowerCase() + "@faults.example";
        this.company = "Faults " + id + " Ltd";
    }

    boolean done() {
        return done;
    }

    /** Logs in again: an access token outlives neither a long run nor the checks after it. */
    String freshToken(Http http) {
        token = null;
        if (!tryLogin(http)) {
            throw new NotYet("login refused");
        }
        return token;
    }

    /** The step the journey is at (the first not yet done). */
    String step() {
        if (documentId == null && !applied) return "upload-evidence";
        if (!applied) return "apply";
        if (!passwordSet && linkToken == null) return "await-password-link";
        if (!passwordSet) return "set-password";
        if (token == null || accountId == null) return "login";
        for (int i = 0; i < MODELS.size(); i++) {
            if (!registered[i]) return "register-product-" + (i + 1);
        }
        if (!invited) return "await-invited";
        if (!checkedOut) return "checkout";
        if (!invoiced) return "await-invoice";
        if (!done) return "await-active";
        return "done";
    }

    /**
     * Takes the next step. Returns normally when it made progress or the journey is done; throws {@link NotYet} when
     * the step has to wait (for an e-mail, a projection, a restarted server) and {@link Http.Unreachable} when the
     * platform did not answer.
     */
    void advance(Http http) {
        switch (step()) {
            case "upload-evidence" -> upload(http);
            case "apply" -> apply(http);
            case "await-password-link" -> awaitLink(http);
            case "set-password" -> setPassword(http);
            case "login" -> login(http);
            case "register-product-1" -> register(http, 0);
            case "register-product-2" -> register(http, 1);
            case "await-invited" -> invited = membershipStatus(http, "INVITED", "ACTIVE") != null;
            case "checkout" -> checkout(http);
            case "await-invoice" -> awaitInvoice(http);
            case "await-active" -> awaitActive(http);
            default -> {}
        }
    }

    private void upload(Http http) {
        Response r = http.postMultipart(
                "/api/verification/documents",
                "evidence.pdf",
                "application/pdf",
                PDF,
                Map.of("type", "VAT_CERTIFICATE"));
        documentId = expect(r, 201).path("documentId").asString();
    }

    private void apply(Http http) {
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
        Response r = http.postJson("/api/accounts", body, null);
        if (r.status() == 409) {
            // an earlier attempt was stored, its answer lost: the account id is learnt after login
            note("apply: 409 after a lost answer");
            applied = true;
            return;
        }
        accountId = expect(r, 201).path("accountId").asString();
        applied = true;
    }

    private void awaitLink(Http http) {
        for (JsonNode mail : expect(http.get("/dev/mail?to=" + email, null), 200)) {
            Matcher m = LINK_TOKEN.matcher(mail.path("text").asString());
            if (m.find()) {
                linkToken = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                return;
            }
        }
        throw new NotYet("no password-setup e-mail yet");
    }

    private void setPassword(Http http) {
        Response r = http.postJson("/api/accounts/password", Map.of("token", linkToken, "password", PASSWORD), null);
        if (r.status() == 204) {
            passwordSet = true;
            return;
        }
        if (r.status() == 400 && tryLogin(http)) {
            // the token was used by an earlier attempt whose answer was lost
            note("set-password: 400, token already used");
            passwordSet = true;
            return;
        }
        throw unexpected("set-password", r);
    }

    private boolean tryLogin(Http http) {
        Response r = http.postJson("/api/auth/login", Map.of("email", email, "password", PASSWORD), null);
        if (r.status() == 200) {
            token = r.json().path("accessToken").asString();
            return true;
        }
        if (r.status() >= 500) {
            throw unexpected("login", r);
        }
        return false;
    }

    private void login(Http http) {
        if (token == null && !tryLogin(http)) {
            throw new NotYet("login refused");
        }
        if (accountId == null) {
            Response me = http.get("/api/accounts/me", token);
            if (me.status() != 200) {
                checkToken(me);
                throw new NotYet("account not readable yet: " + me.status());
            }
            accountId = me.json().path("accountId").asString();
        }
    }

    private void register(Http http, int index) {
        Map<String, Object> body = Map.of(
                "modelCode", MODELS.get(index),
                "serialNumber", serial(),
                "purchaseDate", "2025-06-01",
                "countryOfPurchase", "GB",
                "dealer", "Wex Photo");
        Response r = http.postJson("/api/products", body, token);
        if (r.status() == 409) {
            // this account's serial of this model: registered by an earlier attempt whose answer was lost
            note("register: 409 after a lost answer");
            registered[index] = true;
            return;
        }
        checkToken(r);
        productIds[index] = expect(r, 201).path("productId").asString();
        registered[index] = true;
    }

    /** Unique per account (and so per model), within the 40 characters a serial number may have. */
    String serial() {
        String compact = accountId.replace("-", "");
        return "FI-" + compact.substring(0, Math.min(32, compact.length()));
    }

    private void checkout(Http http) {
        JsonNode current = membership(http);
        if ("ACTIVE".equals(current.path("status").asString())) {
            checkedOut = true;
            return;
        }
        Map<String, Object> body = new HashMap<>();
        body.put("tier", "SILVER");
        body.put("autoRenew", true);
        body.put("termsAccepted", true);
        body.put("termsVersion", "2024-01");
        body.put("paymentMethod", "CARD");
        body.put("cardToken", "tok_visa");
        Response r = http.postJson("/api/membership/checkout", body, token);
        if (r.status() == 409) {
            note("checkout: 409");
            checkedOut = true;
            return;
        }
        checkToken(r);
        expect(r, 201);
        checkedOut = true;
    }

    private void awaitInvoice(Http http) {
        Response r = http.get("/api/invoices", token);
        checkToken(r);
        JsonNode invoices = expect(r, 200);
        if (!invoices.isArray() || invoices.isEmpty()) {
            throw new NotYet("no invoice yet");
        }
        invoiced = true;
    }

    private void awaitActive(Http http) {
        JsonNode m = membershipStatus(http, "ACTIVE");
        if (m == null) {
            throw new NotYet("membership not active yet");
        }
        membershipNumber = m.path("membershipNumber").asString();
        done = true;
    }

    private JsonNode membershipStatus(Http http, String... statuses) {
        JsonNode m = membership(http);
        String status = m.path("status").asString();
        for (String s : statuses) {
            if (s.equals(status)) {
                return m;
            }
        }
        throw new NotYet("membership " + status);
    }

    JsonNode membership(Http http) {
        Response r = http.get("/api/membership", token);
        checkToken(r);
        return expect(r, 200);
    }

    /** A 401 on a member call: the token expired; log in again at the next step. */
    private void checkToken(Response r) {
        if (r.status() == 401) {
            token = null;
            throw new NotYet("token expired");
        }
    }

    private void note(String kind) {
        synchronized (retries) {
            retries.merge(kind, 1, Integer::sum);
        }
    }

    private static JsonNode expect(Response r, int status) {
        if (r.status() != status) {
            throw unexpected("expected " + status, r);
        }
        return r.json();
    }

    private static NotYet unexpected(String what, Response r) {
        return new NotYet(what + ": " + r);
    }

    /** The step cannot be taken now: wait and try again. */
    static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message, null, false, false);
        }
    }
}
