package com.canon.cps.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem responses, the one error shape of every service (docs/api.md). */
public final class Problems {

    private Problems() {}

    /**
     * Asserts that the response is a problem of the given status: {@code application/problem+json}, and a body whose
     * {@code status} matches and whose {@code type}, {@code title} and {@code detail} are not blank. Returns the body
     * for further checks (its {@code errors}, {@code code}, ...).
     */
    public static JsonNode assertProblem(HttpTestClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).as(response.body()).isNotBlank();
        assertThat(problem.path("title").asString()).as(response.body()).isNotBlank();
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as(response.body()).isNotBlank();
        return problem;
    }

    /** Asserts a 400 problem whose first field error names the given field. */
    public static JsonNode assertFieldError(HttpTestClient.Response response, String field) {
        return assertFieldError(response, 400, field);
    }

    /** Asserts a problem of the given status whose first field error ({@code errors[0].field}) names the field. */
    public static JsonNode assertFieldError(HttpTestClient.Response response, int status, String field) {
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.path("errors").get(0).path("field").asString())
                .as(response.body())
                .isEqualTo(field);
        return problem;
    }
}
