package com.canon.cps.load;

import com.canon.cps.platform.test.HttpTestClient;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to the entry point through platform-test's plain {@link HttpTestClient} (JDK client and Jackson only):
 * HTTP/1.1 with pooled connections, connect within 5 s, answer within 30 s; no answer is a {@link StepFailure}.
 */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpTestClient client;

    PlatformClient(String baseUrl) {
        this.client = HttpTestClient.builder(baseUrl)
                .http11()
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30))
                .noAnswer(e -> new StepFailure(
                        Thread.currentThread().isInterrupted()
                                ? "interrupted"
                                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())))
                .build();
    }

    record Response(int status, String body) {

        static Response of(HttpTestClient.Response r) {
            return new Response(r.status(), r.body());
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response get(String path, String token) {
        return Response.of(client.get(path, token));
    }

    Response postJson(String path, Object body, String token) {
        return Response.of(client.postJson(path, body, token));
    }

    Response postMultipart(String path, String fileName, String contentType, byte[] file, Map<String, String> fields) {
        return Response.of(client.postMultipart(path, fileName, contentType, file, fields, null));
    }

    /** HTTP requests sent so far. */
    long requests() {
        return client.requests();
    }

    /** A step that did not get what it needed; the message is the error's kind, grouped in the report. */
    static final class StepFailure extends RuntimeException {

        StepFailure(String message) {
            super(message, null, false, false);
        }
    }
}
