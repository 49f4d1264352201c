package com.canon.cps.portal.client;

import com.canon.cps.portal.session.PortalSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service client shares: the member's token from the session, read-your-writes after this session's own
 * writes (the {@code Cps-Read-Barrier} header, ADR 17), and the translation of answers into {@link ApiProblem}
 * (4xx with a problem body), {@link ServiceUnavailable} (unreachable, timed out, 5xx) or the end of the session
 * (401 for a token the service no longer accepts).
 */
public class ApiClient {

    /** Tolerant reader: the services add fields within a version (docs/api.md). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String service;
    private final RestClient rest;
    private final PortalSession session;

    protected ApiClient(String service, RestClient rest, PortalSession session) {
        this.service = service;
        this.rest = rest;
        this.session = session;
    }

    /** A read as the signed-in person. */
    protected <T> T get(String path, ParameterizedTypeReference<T> type, Object... variables) {
        return call(HttpMethod.GET, path, null, true, type, variables);
    }

    protected <T> T get(String path, Class<T> type, Object... variables) {
        return get(path, ParameterizedTypeReference.forType(type), variables);
    }

    /** A read without a token (public endpoints). */
    protected <T> T getAnonymous(String path, Class<T> type, Object... variables) {
        return call(HttpMethod.GET, path, null, false, ParameterizedTypeReference.forType(type), variables);
    }

    /** A write as the signed-in person; {@code type} {@code Void.class} for an answer without a body. */
    protected <T> T send(HttpMethod method, String path, Object body, Class<T> type, Object... variables) {
        T answer = call(method, path, body, true, ParameterizedTypeReference.forType(type), variables);
        session.wrote(service);
        return answer;
    }

    /** A write without a token (applications, password links). */
    protected <T> T sendAnonymous(HttpMethod method, String path, Object body, Class<T> type, Object... variables) {
        return call(method, path, body, false, ParameterizedTypeReference.forType(type), variables);
    }

    /** Posts a file as it is ({@code application/xml}, {@code text/csv}, ...), not as JSON. */
    protected <T> T sendFile(String path, byte[] file, MediaType contentType, Class<T> type) {
        try {
            T answer = rest.post()
                    .uri(path)
                    .headers(authorisation(true))
                    .contentType(contentType)
                    .body(file)
                    .exchange((request, response) -> read(response, ParameterizedTypeReference.forType(type), true));
            session.wrote(service);
            return answer;
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    /** A multipart upload without a token. */
    protected JsonNode upload(String path, Object multipartBody) {
        try {
            return rest.post()
                    .uri(path)
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(multipartBody)
                    .exchange((request, response) ->
                            read(response, ParameterizedTypeReference.forType(JsonNode.class), false));
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    /** A file download (e.g. an invoice PDF) as the signed-in person. */
    protected Download download(String path, Object... variables) {
        try {
            return rest.get().uri(path, variables).headers(authorisation(true)).exchange((request, response) -> {
                failUnlessSuccessful(response, true);
                try (InputStream in = response.getBody()) {
                    return new Download(response.getHeaders().getContentType(), in.readNBytes(20 * 1024 * 1024));
                }
            });
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    /** The bytes of a downloaded file and their type. */
    public record Download(MediaType contentType, byte[] bytes) {}

    private <T> T call(
            HttpMethod method,
            String path,
            Object body,
            boolean authenticated,
            ParameterizedTypeReference<T> type,
            Object... variables) {
        try {
            RestClient.RequestBodySpec request =
                    rest.method(method).uri(path, variables).headers(authorisation(authenticated));
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.exchange((req, response) -> read(response, type, authenticated));
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    private Consumer<HttpHeaders> authorisation(boolean authenticated) {
        return headers -> {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            // the browser's address, so that a service's limits per source (login throttling) count people, not the
            // portal; a service believes it only from a trusted proxy (cps.http.sources.trusted-proxies)
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                headers.set("X-Forwarded-For", request.getRequest().getRemoteAddr());
            }
            if (authenticated) {
                headers.setBearerAuth(session.accessToken());
                if (session.readsAfterWrite(service)) {
                    headers.set("Cps-Read-Barrier", "1");
                }
            }
        };
    }

    private <T> T read(ClientHttpResponse response, ParameterizedTypeReference<T> type, boolean authenticated)
            throws IOException {
        failUnlessSuccessful(response, authenticated);
        if (type.getType() == Void.class || response.getStatusCode().value() == 204) {
            return null;
        }
        byte[] bytes = response.getBody().readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        return JSON.readValue(bytes, JSON.getTypeFactory().constructType(type.getType()));
    }

    private void failUnlessSuccessful(ClientHttpResponse response, boolean authenticated) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.is2xxSuccessful()) {
            return;
        }
        if (status.is5xxServerError()) {
            throw new ServiceUnavailable(service, status.value());
        }
        if (status.value() == 401 && authenticated) {
            session.rejectedByService(service);
        }
        throw problem(status.value(), response.getBody().readNBytes(64 * 1024));
    }

    private ApiProblem problem(int status, byte[] body) {
        String detail = "";
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(body);
            detail = problem.path("detail").asString("");
            for (JsonNode error : problem.path("errors")) {
                errors.add(new ApiProblem.FieldError(
                        error.path("field").asString(""), error.path("message").asString("")));
            }
        } catch (RuntimeException notJson) {
            // a proxy's HTML error page: the status alone says enough
        }
        return new ApiProblem(service, status, detail, errors);
    }

    protected String service() {
        return service;
    }
}
