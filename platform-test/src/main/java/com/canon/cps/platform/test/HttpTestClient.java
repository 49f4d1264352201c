package com.canon.cps.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one plain HTTP client of the tests and tools, calling the API as an outside client would: the service tests,
 * the end-to-end tests, platform-faults and the load driver (platform-load, which takes only this JDK-and-Jackson class
 * from the module). A client differs only in its {@link Builder settings}: timeouts, HTTP/1.1 with pooled
 * connections, and what a request that got no answer (connection refused, reset, timed out) throws.
 */
public final class HttpTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final Function<IOException, RuntimeException> noAnswer;
    private final LongAdder requests = new LongAdder();

    /** A client with the test defaults: connect within 5 s, answer within 30 s, no answer is an exception. */
    public HttpTestClient(String baseUrl) {
        this(builder(baseUrl));
    }

    private HttpTestClient(Builder settings) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout);
        if (settings.http11) {
            client.version(HttpClient.Version.HTTP_1_1);
        }
        this.client = client.build();
        this.baseUrl = settings.baseUrl;
        this.requestTimeout = settings.requestTimeout;
        this.noAnswer = settings.noAnswer;
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The settings of a client; each defaults as {@link #HttpTestClient(String)} has it. */
    public static final class Builder {

        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean http11;
        private Function<IOException, RuntimeException> noAnswer = UncheckedIOException::new;

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** HTTP/1.1 only (no upgrade attempt), connections pooled: as the load driver and the fault runs call. */
        public Builder http11() {
            this.http11 = true;
            return this;
        }

        /**
         * What a request that got no answer throws, given the I/O error (an interrupted wait passes an
         * {@link java.io.InterruptedIOException}); by default an {@link UncheckedIOException}.
         */
        public Builder noAnswer(Function<IOException, RuntimeException> exception) {
            this.noAnswer = exception;
            return this;
        }

        public HttpTestClient build() {
            return new HttpTestClient(this);
        }
    }

    /** An answer; {@code headers} as {@link java.net.http.HttpHeaders#map()}. */
    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** The first value of header {@code name}, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(h ->
                            h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                    .map(h -> h.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body;
            return "HTTP " + status + (b.isEmpty() ? "" : ": " + (b.length() <= 300 ? b : b.substring(0, 300) + "..."));
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET that asks for read-your-writes ({@code Cps-Read-Barrier}, ADR 17). */
    public Response getAfterWrite(String path, String token) {
        return send(request(path, token).header("Cps-Read-Barrier", "1").GET());
    }

    public Response post(String path, String contentType, String body, String token) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patchJson(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** A DELETE with a JSON body, e.g. the reason for discarding something. */
    public Response deleteJson(String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postJson(String path, String json, String token) {
        return post(path, "application/json", json, token);
    }

    /** A POST of the value written as JSON. */
    public Response postJson(String path, Object body, String token) {
        return postBytes(path, "application/json", JSON.writeValueAsBytes(body), token);
    }

    /** A POST without a body, e.g. an action on a resource. */
    public Response post(String path, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response postBytes(String path, String contentType, byte[] body, String token) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A {@code multipart/form-data} upload of one file plus text fields. */
    public Response postMultipart(
            String path,
            String fileName,
            String fileContentType,
            byte[] file,
            Map<String, String> fields,
            String token) {
        String boundary = "cps-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + fileContentType + "\r\n\r\n")
                .getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return postBytes(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), token);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Requests sent so far by this client. */
    public long requests() {
        return requests.sum();
    }

    private Response send(HttpRequest.Builder request) {
        requests.increment();
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    r.statusCode(),
                    r.headers().firstValue("content-type").orElse(""),
                    r.body(),
                    r.headers().map());
        } catch (IOException e) {
            throw noAnswer.apply(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noAnswer.apply(new java.io.InterruptedIOException("interrupted"));
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
