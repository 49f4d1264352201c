package com.canon.cps.platform.deadletter;

import com.canon.cps.platform.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' dead letters of this service (API.md, "Operations"). */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('OPERATOR')")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public List<DeadLetter.Summary> list() {
        return deadLetters.list().stream().map(DeadLetter::summary).toList();
    }

    @GetMapping("/{id}")
    public DeadLetter get(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/retry")
    public RetryResult retry(@PathVariable String id) {
        return deadLetters.retry(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/retry-all")
    public RetryAllResult retryAll() {
        return deadLetters.retryAll();
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(
            @PathVariable String id,
            @Valid @RequestBody DiscardRequest request,
            @AuthenticationPrincipal Jwt operator) {
        if (!deadLetters.discard(id, operator(operator), request.reason().strip())) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static String operator(Jwt jwt) {
        if (jwt == null) {
            return "unknown";
        }
        String email = jwt.getClaimAsString("email");
        return email != null && !email.isBlank() ? email : jwt.getSubject();
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("No open dead letter " + id);
    }
}
