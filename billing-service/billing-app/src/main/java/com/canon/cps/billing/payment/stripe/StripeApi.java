package com.canon.cps.billing.payment.stripe;

import com.canon.cps.billing.payment.GatewayFault;
import com.canon.cps.billing.payment.PaymentGatewayUnavailableException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's REST API as its documentation describes it: form-encoded requests ({@code metadata[key]=...},
 * {@code payment_method_types[]=card}), the secret key as a bearer token, an optional pinned {@code Stripe-Version},
 * {@code Idempotency-Key} on every POST, JSON answers. What goes wrong on the way becomes a
 * {@link PaymentGatewayUnavailableException}: no answer in time {@code TIMEOUT}, any other I/O failure
 * {@code TECHNICAL_ERROR}.
 */
public final class StripeApi {

    private static final Logger log = LoggerFactory.getLogger(StripeApi.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String secretKey;
    private final String apiVersion;
    private final Duration timeout;

    /**
     * @param base {@code https://api.stripe.com}
     * @param apiVersion the {@code Stripe-Version} to pin, or {@code null} for the account's default
     * @param timeout time for a whole answer (the resilient decorator's time limit still applies around it)
     */
    public StripeApi(URI base, String secretKey, String apiVersion, Duration connectTimeout, Duration timeout) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Stripe adapter needs a secret key");
        }
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.secretKey = secretKey.strip();
        this.apiVersion = apiVersion == null || apiVersion.isBlank() ? null : apiVersion.strip();
        this.timeout = timeout;
    }

    /** Form parameters in order (Stripe's nested and list syntax in the names). */
    public static final class Form {
        private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

        public static Form of() {
            return new Form();
        }

        public Form add(String name, String value) {
            if (value != null) {
                parameters.add(Map.entry(name, value));
            }
            return this;
        }

        String encoded() {
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, String> p : parameters) {
                if (!body.isEmpty()) {
                    body.append('&');
                }
                body.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            }
            return body.toString();
        }
    }

    /** Stripe's answer: HTTP status and the JSON body ({@code null} when the body is not JSON). */
    public record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300 && body != null && body.isObject();
        }

        /** The {@code error} object of a failed request (empty when there is none). */
        JsonNode error() {
            return body == null ? JSON.createObjectNode() : body.path("error");
        }
    }

    /** {@code POST <base><path>} with the form and {@code Idempotency-Key}. */
    public Answer post(String path, Form form, String idempotencyKey) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form.encoded()));
        return send(request.build());
    }

    /** {@code GET <base><path>} ({@code path} may carry a query, e.g. {@code expand[]=...}, already encoded). */
    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + secretKey)
                .header("Accept", "application/json")
                .header("User-Agent", "cps-billing-service");
        if (apiVersion != null) {
            request.header("Stripe-Version", apiVersion);
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentGatewayUnavailableException(GatewayFault.TIMEOUT, "Stripe did not answer in time", e);
        } catch (IOException e) {
            log.warn(
                    "Stripe call {} {} failed: {}",
                    request.method(),
                    request.uri().getPath(),
                    e.toString());
            throw new PaymentGatewayUnavailableException(
                    GatewayFault.TECHNICAL_ERROR,
                    "Stripe call failed: " + e.getClass().getSimpleName(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentGatewayUnavailableException(GatewayFault.TIMEOUT, "Interrupted waiting for Stripe", e);
        }
        return new Answer(response.statusCode(), json(response.body()));
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
