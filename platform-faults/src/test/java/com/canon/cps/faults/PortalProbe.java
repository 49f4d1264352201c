package com.canon.cps.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's pages as a browser sees them through the entry point, while one service is down (separate shape): the
 * public pages and the operator's back-office pages (an operator session, signed in through the login form). A page
 * <b>degrades</b> when it answers 200 (the missing part says it is not available) or 503 with the portal's own "not
 * available right now" page; when the portal itself is down, the entry point's prompt 502/503 is the degraded answer.
 * Anything else (a 500, an error page that is not the portal's, no answer within the time limit) is a <b>failure</b>.
 */
final class PortalProbe {

    static final List<String> PUBLIC_PAGES = List.of("/", "/login", "/apply", "/terms");
    static final List<String> OPERATOR_PAGES = List.of(
            "/back-office/verification", "/back-office/members", "/back-office/invoices", "/back-office/operations");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String UNAVAILABLE = "not available right now";

    private final String baseUrl;
    private final String operatorEmail;
    private final String operatorPassword;
    private final HttpClient client;
    private boolean signedIn;
    private String signInProblem = "";

    PortalProbe(String baseUrl, String operatorEmail, String operatorPassword) {
        this.baseUrl = baseUrl;
        this.operatorEmail = operatorEmail;
        this.operatorPassword = operatorPassword;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One answer: the page, its status, and what it means. */
    record Page(String path, int status, boolean degraded, boolean failed, String detail) {}

    /**
     * Signs the operator in (with the platform up; a busy machine may need a second try); true once the portal has a
     * session for the operator, else {@link #signInProblem} says what the last try got.
     */
    boolean signIn() {
        for (int attempt = 1; attempt <= 3 && !signInOnce(); attempt++) {
            try {
                Thread.sleep(2000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return signedIn;
    }

    /** What the last sign-in that failed got (empty after one that worked). */
    String signInProblem() {
        return signInProblem;
    }

    private boolean signInOnce() {
        try {
            HttpResponse<String> form =
                    send(HttpRequest.newBuilder(uri("/login")).GET());
            Matcher csrf = CSRF.matcher(form.body());
            String body = "email=" + encode(operatorEmail) + "&password=" + encode(operatorPassword)
                    + (csrf.find() ? "&_csrf=" + encode(csrf.group(1)) : "");
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            String location = login.headers().firstValue("Location").orElse("");
            signedIn = login.statusCode() == 302 && location.contains("/back-office");
            signInProblem = signedIn
                    ? ""
                    : "login form " + form.statusCode() + ", login " + login.statusCode() + " " + location;
        } catch (IOException e) {
            signedIn = false;
            signInProblem = e.toString();
        }
        return signedIn;
    }

    /** Every page once, with {@code down} (a service name) down. */
    List<Page> probe(String down) {
        List<Page> pages = new ArrayList<>();
        List<String> paths = new ArrayList<>(PUBLIC_PAGES);
        if (signedIn) {
            paths.addAll(OPERATOR_PAGES);
        }
        for (String path : paths) {
            pages.add(page(path, down));
        }
        return pages;
    }

    private Page page(String path, String down) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
            int status = r.statusCode();
            String body = r.body() == null ? "" : r.body();
            if (status == 200 || (status == 302 && !OPERATOR_PAGES.contains(path))) {
                return new Page(path, status, body.contains(UNAVAILABLE), false, "");
            }
            if (status == 302) {
                // the operator's session is in the portal's database: it outlives a restart of any JVM
                return new Page(
                        path, status, false, true, "signed out: " + r.headers().firstValue("Location"));
            }
            if (status == 503 && body.contains(UNAVAILABLE)) {
                return new Page(path, status, true, false, "");
            }
            if ((status == 502 || status == 503) && down.equals("portal")) {
                return new Page(path, status, true, false, "entry point: portal down");
            }
            return new Page(
                    path,
                    status,
                    false,
                    true,
                    body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " "));
        } catch (IOException e) {
            return new Page(path, -1, false, true, e.toString());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
