package com.canon.cps.local;

import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.embedded.EmbeddedSmtpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local entry point on 8080: a small reverse proxy that routes {@code /api/**} by prefix to the services,
 * {@code /admin/<service>/**} to that service's {@code /admin/**}, {@code /asyncapi/<service>.yaml} and
 * {@code /openapi/<service>.json} to that service's AsyncAPI and OpenAPI documents and the payment gateway simulator's hosted card form to billing-service, serves the
 * local-only {@code /dev/mail} and {@code /dev/clock}, and sends every other path to the portal. Bodies and headers
 * pass through unchanged (hop-by-hop headers excepted); the portal learns the public host from
 * {@code X-Forwarded-Host}.
 */
final class EntryPoint implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** As nginx's {@code client_max_body_size} in compose: an upload of 10 MB and its envelope fit. */
    static final int MAX_BODY_BYTES = 12 * 1024 * 1024;

    /** The payment gateway simulator's pages (billing-service), reached by the browser like a gateway's own. */
    static final String GATEWAY_SIMULATOR = "/payment-gateway-simulator";

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final LocalOptions options;
    private final EmbeddedSmtpServer smtp;
    private final MutableClock clock;
    private final Path dataDir;

    private EntryPoint(
            HttpServer server, LocalOptions options, EmbeddedSmtpServer smtp, MutableClock clock, Path dataDir) {
        this.server = server;
        this.options = options;
        this.smtp = smtp;
        this.clock = clock;
        this.dataDir = dataDir;
        this.executor = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "entry-point");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    static EntryPoint start(int port, LocalOptions options, EmbeddedSmtpServer smtp, MutableClock clock, Path dataDir) {
        // TCP_NODELAY on the accepted connections: without it a kept-alive connection waits for the client's delayed
        // ACK (40 ms) before the body that follows the headers; read once, when the first server is created
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), port), 256);
            EntryPoint entryPoint = new EntryPoint(server, options, smtp, clock, dataDir);
            server.setExecutor(entryPoint.executor);
            server.createContext("/", entryPoint::handle);
            server.start();
            return entryPoint;
        } catch (IOException e) {
            throw new UncheckedIOException("Entry point cannot listen on port " + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/dev/mail")) {
                mail(exchange);
            } else if (path.equals("/dev/clock")) {
                clock(exchange);
            } else {
                URI target = route(exchange.getRequestURI());
                if (target == null) {
                    problem(exchange, 404, "Not found", "No service serves " + path);
                } else {
                    proxy(exchange, target);
                }
            }
        } catch (RuntimeException e) {
            problem(exchange, 502, "Bad gateway", "The entry point could not forward the request");
        }
    }

    /** The one {@code /api} path the portal answers: it reads every service for the member's data export. */
    static final String DATA_EXPORT = "/api/accounts/me/export";

    /**
     * {@code /api/<prefix>...} to the owning service; {@code /admin/<service>/...} to that service's {@code /admin/...};
     * {@code /asyncapi/<service>.yaml} to that service's {@code /asyncapi.yaml}.
     */
    URI route(URI uri) {
        String path = uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (path.equals(GATEWAY_SIMULATOR) || path.startsWith(GATEWAY_SIMULATOR + "/")) {
            return URI.create("http://127.0.0.1:" + options.port(LocalService.BILLING.port) + path + query);
        }
        if (path.equals(DATA_EXPORT)) {
            return URI.create("http://127.0.0.1:" + options.port(LocalPlatform.PORTAL_PORT) + path + query);
        }
        for (LocalService s : LocalService.values()) {
            for (String prefix : s.prefixes) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return URI.create("http://127.0.0.1:" + options.port(s.port) + path + query);
                }
            }
            if (path.equals("/asyncapi/" + s.service + ".yaml")) {
                return URI.create("http://127.0.0.1:" + options.port(s.port) + "/asyncapi.yaml");
            }
            if (path.equals("/openapi/" + s.service + ".json")) {
                return URI.create("http://127.0.0.1:" + options.port(s.port) + "/v3/api-docs");
            }
            String admin = "/admin/" + s.service;
            if (path.equals(admin) || path.startsWith(admin + "/")) {
                return URI.create(
                        "http://127.0.0.1:" + options.port(s.port) + "/admin" + path.substring(admin.length()) + query);
            }
        }
        for (String reserved : List.of("/api", "/admin", "/dev", "/actuator", "/asyncapi", "/openapi")) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                return null;
            }
        }
        return URI.create("http://127.0.0.1:" + options.port(LocalPlatform.PORTAL_PORT) + path + query);
    }

    private void proxy(HttpExchange exchange, URI target) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // the client's own forwarding headers are dropped: the entry point alone says where a request came from
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("forwarded")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header(
                "X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        request.header("X-Forwarded-Proto", "http");
        request.header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
        String method = exchange.getRequestMethod();
        byte[] body = readBody(exchange);
        if (body == null) {
            problem(exchange, 413, "Payload too large", "Request bodies are limited to " + MAX_BODY_BYTES + " bytes");
            return;
        }
        request.method(
                method,
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            problem(exchange, 503, "Service unavailable", "The service behind " + target.getPath() + " is not running");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "Service unavailable", "Interrupted");
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = method.equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length == 0 ? -1 : Math.max(length, 0));
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                in.transferTo(out);
            }
        }
    }

    /** The body, or null when it is over {@link #MAX_BODY_BYTES} (declared, or counted while it streams in). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > MAX_BODY_BYTES) {
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private void mail(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            problem(exchange, 405, "Method not allowed", "GET only");
            return;
        }
        if (smtp == null) {
            problem(exchange, 404, "Not found", "No mail capture: the platform sends through an external SMTP relay");
            return;
        }
        String to = queryParameter(exchange.getRequestURI(), "to");
        List<CapturedMail> mails = to == null ? smtp.all() : smtp.mailTo(to);
        List<Map<String, Object>> body = mails.stream()
                .map(m -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("from", m.from());
                    json.put("to", m.to());
                    json.put("subject", m.subject());
                    json.put("text", m.text());
                    json.put("receivedAt", m.receivedAt().toString());
                    json.put("messageId", m.messageId());
                    return json;
                })
                .toList();
        json(exchange, 200, body);
    }

    private void clock(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" ->
                json(
                        exchange,
                        200,
                        Map.of(
                                "now",
                                clock.instant().toString(),
                                "offset",
                                clock.offset().toString()));
            case "POST" -> {
                Duration advance;
                try {
                    JsonNode body = JSON.readTree(exchange.getRequestBody().readNBytes(4096));
                    advance = Duration.parse(body.path("advance").asString());
                    if (advance.isNegative() || advance.isZero()) {
                        throw new IllegalArgumentException("not positive");
                    }
                } catch (RuntimeException e) {
                    problem(
                            exchange,
                            400,
                            "Invalid request",
                            "Body must be {\"advance\": \"P30D\"} with a positive ISO-8601 duration");
                    return;
                }
                Duration offset = clock.advance(advance);
                Files.writeString(dataDir.resolve("clock-offset"), offset.toString());
                json(exchange, 200, Map.of("now", clock.instant().toString(), "offset", offset.toString()));
            }
            default -> problem(exchange, 405, "Method not allowed", "GET or POST");
        }
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(
                Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
