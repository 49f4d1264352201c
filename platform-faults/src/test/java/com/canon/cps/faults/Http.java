package com.canon.cps.faults;

import com.canon.cps.platform.test.HttpTestClient;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP calls to the platform's entry point, through the tests' one {@link HttpTestClient} (HTTP/1.1, connect within
 * 3 s). A connection failure or a request timeout is a {@link Unreachable}: the platform is down (killed, restarting)
 * or did not answer, and the caller tries again later.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpTestClient client;

    Http(String baseUrl, Duration requestTimeout) {
        this.client = HttpTestClient.builder(baseUrl)
                .http11()
                .connectTimeout(Duration.ofSeconds(3))
                .requestTimeout(requestTimeout)
                .noAnswer(e -> new Unreachable(
                        Thread.currentThread().isInterrupted()
                                ? "interrupted"
                                : e.getClass().getSimpleName()))
                .build();
    }

    record Response(int status, String body) {

        static Response of(HttpTestClient.Response r) {
            return new Response(r.status(), r.body());
        }

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body;
            return "HTTP " + status + (b.isEmpty() ? "" : ": " + (b.length() <= 300 ? b : b.substring(0, 300) + "..."));
        }
    }

    Response get(String path, String token) {
        return Response.of(client.get(path, token));
    }

    Response delete(String path, String token) {
        return Response.of(client.delete(path, token));
    }

    Response postJson(String path, Object body, String token) {
        return Response.of(client.postJson(path, body, token));
    }

    Response post(String path, String token) {
        return Response.of(client.post(path, token));
    }

    Response postMultipart(String path, String fileName, String contentType, byte[] file, Map<String, String> fields) {
        return Response.of(client.postMultipart(path, fileName, contentType, file, fields, null));
    }

    /** No answer: the platform is down or did not answer in time. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
