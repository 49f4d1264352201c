package com.canon.cps.platform.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * The endpoints of a service that need no token, e.g. {@code PublicEndpoints.of("POST /api/accounts")}. Everything
 * else requires a valid token; operator endpoints check the role with {@code @PreAuthorize}.
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

    public record Endpoint(HttpMethod method, String pattern) {}

    /** Each entry is {@code "METHOD /path/pattern"}. */
    public static PublicEndpoints of(String... entries) {
        return new PublicEndpoints(Arrays.stream(entries)
                .map(e -> e.trim().split("\\s+", 2))
                .map(parts -> new Endpoint(HttpMethod.valueOf(parts[0]), parts[1]))
                .toList());
    }
}
