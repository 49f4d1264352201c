package com.canon.cps.account.auth.web;

import com.canon.cps.account.auth.store.LoginThrottle;
import java.net.URI;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Too many wrong passwords ({@link LoginThrottle}): answered 429 with {@code Retry-After}, before any password is checked. */
final class TooManyAttempts extends RuntimeException {

    final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("Too many failed attempts: try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    @RestControllerAdvice(basePackageClasses = TooManyAttempts.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Answer {

        @ExceptionHandler(TooManyAttempts.class)
        ResponseEntity<ProblemDetail> tooMany(TooManyAttempts e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            problem.setType(URI.create("about:blank"));
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter.toSeconds() + 1)))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
