package com.canon.cps.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.BillingServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulator's hosted card form over HTTP, as a browser uses it (no token, plain form posts, redirects not
 * followed): each test card ends in the documented redirect, and the issued token then answers the gateway port as
 * its card promises.
 */
@BillingServiceTest
class SimulatedCardFormIT {

    private static final String RETURN_URL = "http://localhost:8080/subscriptions/payment/card";
    private static final Pattern TOKEN_REDIRECT =
            Pattern.compile(Pattern.quote(RETURN_URL) + "\\?token=(tok_[A-Za-z0-9]{24})&state=([^&]+)");

    @LocalServerPort
    int port;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theForm_isASelfContainedAccessiblePage_inEnglish() {
        HttpResponse<String> page = get("?return_url=" + encode(RETURN_URL) + "&state=st-1&locale=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(page.headers().firstValue("content-security-policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'none'", "form-action 'self' http://localhost:8080"));
        String html = page.body();
        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains("<title>Payment gateway (test mode)</title>")
                .contains("<h1>Payment gateway (test mode)</h1>")
                .contains("<label for=\"card_number\">Card number</label>")
                .contains("<label for=\"expiry\">Expiry (MM/YY)</label>")
                .contains("<label for=\"cvc\">CVC</label>")
                .contains("<button type=\"submit\">Authorise</button>")
                .contains("<a href=\"" + RETURN_URL + "?error=cancelled&amp;state=st-1\">Cancel</a>")
                .contains("<input type=\"hidden\" name=\"return_url\" value=\"" + RETURN_URL + "\">")
                .contains("<input type=\"hidden\" name=\"state\" value=\"st-1\">")
                .contains("<form method=\"post\" action=\"/payment-gateway-simulator/card-form\"")
                .doesNotContain("<script", "src=", "<link");
        assertThat(count(html, "<main>")).isEqualTo(1);
        assertThat(count(html, "<h1>")).isEqualTo(1);
    }

    @Test
    void theForm_inGerman() {
        String html = get("?return_url=" + encode(RETURN_URL) + "&state=st-1&locale=de")
                .body();

        assertThat(html)
                .contains("<html lang=\"de\">")
                .contains("<label for=\"card_number\">Kartennummer</label>")
                .contains("<label for=\"expiry\">Gültig bis (MM/JJ)</label>")
                .contains("<label for=\"cvc\">Prüfziffer (CVC)</label>")
                .contains("<button type=\"submit\">Autorisieren</button>")
                .contains("<input type=\"hidden\" name=\"locale\" value=\"de\">");
    }

    @ParameterizedTest(name = "{0}: later charge {1}")
    @CsvSource({
        "4242 4242 4242 4242, APPROVED",
        "4000 0000 0000 0341, DECLINED",
        "4000 0027 6000 3184, AUTHENTICATION_REQUIRED"
    })
    void anApprovedCard_redirectsWithANewToken_thatLaterChargesAsDocumented(String number, GatewayOutcome charge) {
        String state = "state " + UUID.randomUUID() + " +&=";

        HttpResponse<String> response = post(form(number, "12/34", "123", state, "en"));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("location").orElseThrow();
        Matcher redirect = TOKEN_REDIRECT.matcher(location);
        assertThat(redirect.matches()).as(location).isTrue();
        assertThat(URLDecoder.decode(redirect.group(2), StandardCharsets.UTF_8)).isEqualTo(state);
        String token = redirect.group(1);

        GatewayResult verified = gateway.verifyCard(token, "GBP", "card-form-verify-" + token);
        GatewayResult charged = gateway.charge(token, new BigDecimal("102.00"), "GBP", "card-form-charge-" + token);

        assertThat(verified.outcome()).isEqualTo(GatewayOutcome.APPROVED);
        assertThat(charged.outcome()).isEqualTo(charge);
        assertThat(gateway.verifyCard("tok_visa", "GBP", "card-form-fixed-" + token)
                        .approved())
                .as("the fixed test tokens keep working")
                .isTrue();
    }

    @Test
    void theDeclinedCard_redirectsWithCardDeclined_andIssuesNoToken() {
        int tokens = tokens();

        HttpResponse<String> response = post(form("4000 0000 0000 0002", "12/34", "123", "st-2", "en"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).contains(RETURN_URL + "?error=card_declined&state=st-2");
        assertThat(tokens()).isEqualTo(tokens);
    }

    @Test
    void refusedFields_showTheFormAgain_withASentenceAtEachField_andNoRedirect() {
        int tokens = tokens();

        HttpResponse<String> response = post(form("4242 4242 4242 4242", "01/20", "12", "st-3", "en"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("location")).isEmpty();
        assertThat(response.body())
                .contains("<p id=\"expiry-error\" class=\"error\">This card has expired.</p>")
                .contains("<p id=\"cvc-error\" class=\"error\">Enter the 3- or 4-digit security code (CVC)")
                .contains("aria-describedby=\"expiry-error\"")
                .contains("value=\"01/20\"")
                .doesNotContain("4242 4242 4242 4242</", "value=\"4242", "value=\"12\"")
                .contains("<input type=\"hidden\" name=\"state\" value=\"st-3\">");
        assertThat(tokens()).isEqualTo(tokens);

        String german = post(form("1234", "13/30", "", "st-3", "de")).body();
        assertThat(german)
                .contains("Diese Kartennummer ist ungültig.")
                .contains("Geben Sie das Ablaufdatum als MM/JJ ein");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "/relative", "ftp://x.example/", ""})
    void aBadReturnUrl_isA400Page_neverARedirect(String returnUrl) {
        HttpResponse<String> shown = get("?return_url=" + encode(returnUrl) + "&state=s");
        Map<String, String> fields = form("4242 4242 4242 4242", "12/34", "123", "s", "en");
        fields.put("return_url", returnUrl);
        HttpResponse<String> posted = post(fields);

        for (HttpResponse<String> r : List.of(shown, posted)) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("location")).isEmpty();
            assertThat(r.headers().firstValue("content-type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
            assertThat(r.body()).contains("The payment page cannot be shown").doesNotContain("<form");
        }
        assertThat(get("").statusCode()).as("no return_url at all").isEqualTo(400);
    }

    @Test
    void anUnknownLocale_orARepeatedParameter_isA400Page() {
        assertThat(get("?return_url=" + encode(RETURN_URL) + "&locale=fr").statusCode())
                .isEqualTo(400);
        assertThat(get("?return_url=" + encode(RETURN_URL) + "&return_url=" + encode("https://evil.example/"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theCardNumber_isStoredNowhere() {
        post(form("4242 4242 4242 4242", "12/34", "123", "st-4", "en"));
        post(form("4000 0027 6000 3184", "12/34", "123", "st-4", "en"));

        String tables = jdbc
                .queryForList("SELECT row_to_json(t)::text FROM payment_gateway_simulator_card_token t", String.class)
                .stream()
                .collect(Collectors.joining("\n"));
        assertThat(tables)
                .contains("\"last4\":\"4242\"", "\"last4\":\"3184\"", "\"brand\":\"visa\"")
                .doesNotContain("4242424242424242", "4000002760003184", "12/34");
    }

    private HttpResponse<String> get(String query) {
        return send(HttpRequest.newBuilder(URI.create(url() + query)).GET());
    }

    private HttpResponse<String> post(Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, String> form(String number, String expiry, String cvc, String state, String locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_url", RETURN_URL);
        fields.put("state", state);
        fields.put("locale", locale);
        fields.put("card_number", number);
        fields.put("expiry", expiry);
        fields.put("cvc", cvc);
        return fields;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/payment-gateway-simulator/card-form";
    }

    private int tokens() {
        return jdbc.queryForObject("SELECT count(*) FROM payment_gateway_simulator_card_token", Integer.class);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
