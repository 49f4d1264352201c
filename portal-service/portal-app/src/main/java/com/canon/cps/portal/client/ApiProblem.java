package com.canon.cps.portal.client;

import java.util.List;

/**
 * A service refused a request with an RFC 9457 problem (4xx): the page turns it into sentences in its own language,
 * at the fields it names ({@link #errors()}) or at the top.
 */
public final class ApiProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    /** One invalid field as the service names it ({@code address.country}) and the service's own message. */
    public record FieldError(String field, String message) {}

    public ApiProblem(String service, int status, String detail, List<FieldError> errors) {
        super(service + " answered " + status + ": " + detail);
        this.service = service;
        this.status = status;
        this.detail = detail == null ? "" : detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
