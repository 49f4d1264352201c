package com.canon.cps.verification.registry.adapter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process stand-in for an outside party (the JDK's HTTP server on the loopback interface) that replays recorded
 * exchanges: each request must be the recorded request (method, path and query, the recorded headers, the body as
 * JSON, form or with the recorded fragments), and is answered with the recorded response. A request that differs,
 * or comes when nothing is left to replay, is answered with 418 and noted as a mismatch, so a test that ends with
 * {@link #assertAllReplayed()} proves that the adapter sent what the party documents.
 *
 * <p>Recordings live under {@code src/test/resources/recorded/<party>/}, one JSON file per exchange or a file of named
 * {@code exchanges}, each with the {@code source} it was taken from:
 *
 * <pre>{@code
 * {"source": "https://...",
 *  "request": {"method": "POST", "path": "/check-vat-number", "headers": {"Content-Type": "application/json"},
 *              "json": {...} | "form": {...} | "bodyContains": ["..."]},
 *  "response": {"status": 200, "headers": {...}, "json": {...} | "body": "..." | "bodyFile": "uid/valid.xml",
 *               "delayMillis": 0}}
 * }</pre>
 */
final class RecordedExchanges implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the stub received it. */
    record Received(String method, String pathAndQuery, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recorded-exchanges");
        t.setDaemon(true);
        return t;
    });
    private final Deque<JsonNode> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> mismatches = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private volatile JsonNode repeat;

    private RecordedExchanges() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordedExchanges start() {
        try {
            return new RecordedExchanges();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Queues the exchange recorded in {@code recorded/<resource>}. */
    RecordedExchanges replay(String resource) {
        return enqueue(load(resource));
    }

    /** Queues exchange {@code name} of the file {@code recorded/<resource>}. */
    RecordedExchanges replay(String resource, String name) {
        JsonNode exchange = load(resource).path("exchanges").path(name);
        if (!exchange.isObject()) {
            throw new IllegalArgumentException("no exchange " + name + " in " + resource);
        }
        return enqueue(exchange);
    }

    /** Answers every further request (once the queue is empty) with this recorded exchange. */
    RecordedExchanges replayForever(String resource, String name) {
        repeat =
                name == null ? load(resource) : load(resource).path("exchanges").path(name);
        return this;
    }

    /** Holds every answer until the latch opens (to fill a bulkhead). */
    RecordedExchanges holdAnswersUntil(CountDownLatch latch) {
        hold = latch;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void assertAllReplayed() {
        synchronized (script) {
            if (!script.isEmpty()) {
                mismatches.add(script.size() + " recorded exchange(s) never asked for");
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError("the adapter did not send the recorded requests: " + mismatches);
        }
    }

    private RecordedExchanges enqueue(JsonNode exchange) {
        synchronized (script) {
            script.add(exchange);
        }
        return this;
    }

    static JsonNode load(String resource) {
        try (InputStream in = RecordedExchanges.class.getResourceAsStream("/recorded/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = RecordedExchanges.class.getResourceAsStream("/recorded/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    headers,
                    body);
            received.add(request);
            JsonNode recorded;
            synchronized (script) {
                recorded = script.isEmpty() ? repeat : script.poll();
            }
            if (recorded == null) {
                mismatches.add("nothing left to replay for " + request.method() + " " + request.pathAndQuery());
                respond(exchange, 418, Map.of(), "no recorded exchange left");
                return;
            }
            List<String> differences = differences(recorded.path("request"), request);
            if (!differences.isEmpty()) {
                mismatches.addAll(differences);
                respond(exchange, 418, Map.of(), "not the recorded request: " + differences);
                return;
            }
            CountDownLatch latch = hold;
            if (latch != null) {
                latch.await(10, TimeUnit.SECONDS);
            }
            JsonNode response = recorded.path("response");
            long delay = response.path("delayMillis").asLong(0);
            if (delay > 0) {
                Thread.sleep(delay);
            }
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.path("headers")
                    .properties()
                    .forEach(e -> responseHeaders.put(e.getKey(), e.getValue().asString()));
            String responseBody;
            if (response.has("json")) {
                responseBody = JSON.writeValueAsString(response.path("json"));
            } else if (response.has("bodyFile")) {
                responseBody = text(response.path("bodyFile").asString());
            } else {
                responseBody = response.path("body").asString("");
            }
            respond(exchange, response.path("status").asInt(200), responseHeaders, responseBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (its time-out): nothing to answer
        }
    }

    private static List<String> differences(JsonNode expected, Received actual) {
        List<String> differences = new ArrayList<>();
        String method = expected.path("method").asString("GET");
        if (!method.equals(actual.method())) {
            differences.add("method " + actual.method() + " instead of " + method);
        }
        String path = expected.path("path").asString("");
        if (!path.equals(actual.pathAndQuery())) {
            differences.add("path " + actual.pathAndQuery() + " instead of " + path);
        }
        expected.path("headers").properties().forEach(e -> {
            String value = actual.header(e.getKey());
            if (!e.getValue().asString().equals(value)) {
                differences.add("header " + e.getKey() + ": " + value + " instead of "
                        + e.getValue().asString());
            }
        });
        if (expected.has("json")) {
            JsonNode body;
            try {
                body = JSON.readTree(actual.body());
            } catch (RuntimeException e) {
                body = null;
            }
            if (!expected.path("json").equals(body)) {
                differences.add("body " + actual.body() + " instead of " + expected.path("json"));
            }
        }
        if (expected.has("form")) {
            Map<String, String> form = form(actual.body());
            Map<String, String> wanted = new LinkedHashMap<>();
            expected.path("form")
                    .properties()
                    .forEach(e -> wanted.put(e.getKey(), e.getValue().asString()));
            if (!wanted.equals(form)) {
                differences.add("form " + form + " instead of " + wanted);
            }
        }
        for (JsonNode fragment : expected.path("bodyContains")) {
            if (!actual.body().contains(fragment.asString())) {
                differences.add("body without " + fragment.asString());
            }
        }
        return differences;
    }

    /** An {@code application/x-www-form-urlencoded} body as a map (last value wins). */
    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
