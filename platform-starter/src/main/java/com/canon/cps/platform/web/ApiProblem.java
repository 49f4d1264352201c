package com.canon.cps.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, as an RFC 9457 problem: throw it (or a subclass) from a controller or a command
 * handler and the client gets {@code application/problem+json} with this status, title and detail.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field, as in the {@code errors} member of a validation problem. */
    public record FieldError(String field, String message) {}
}
