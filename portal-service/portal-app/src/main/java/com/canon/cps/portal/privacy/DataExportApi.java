package com.canon.cps.portal.privacy;

import com.canon.cps.portal.client.ApiProblem;
import com.canon.cps.portal.session.PortalSession;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/accounts/me/export} (docs/api.md, "Self-service and privacy"): the member's data export as one JSON
 * document for a client with the member's token, the same file as MY ACCOUNT's download ({@link DataExport}). The
 * entry point routes this one path of account-service's prefix here, because only the portal reads every service
 * (the services talk to each other only through Kafka). The token is the caller's: every service checks it, so no
 * session is made and nothing here trusts it beyond passing it on.
 */
@RestController
class DataExportApi {

    static final String PATH = "/api/accounts/me/export";

    private final DataExport exports;

    DataExportApi(DataExport exports) {
        this.exports = exports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return problem(HttpStatus.UNAUTHORIZED, "A member's token is needed (Authorization: Bearer).");
        }
        request.setAttribute(PortalSession.BEARER, authorization.substring(7).trim());
        try {
            DataExport.File file = exports.member();
            return ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(file.bytes());
        } catch (DataExport.ExportUnavailable unavailable) {
            if (unavailable.getCause() instanceof ApiProblem refused
                    && (refused.status() == 401 || refused.status() == 403)) {
                return problem(HttpStatus.valueOf(refused.status()), "The token was refused.");
            }
            return problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Some of the account's data cannot be read now: " + unavailable.sections() + ". Try again later.");
        } catch (ApiProblem refused) {
            HttpStatus status = HttpStatus.resolve(refused.status());
            return problem(
                    status == null ? HttpStatus.BAD_REQUEST : status, "The token was refused: " + refused.status());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(PATH));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The endpoint's own filter chain: a token, no session, no login page, no CSRF (a GET that changes nothing). */
    @Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(0)
        SecurityFilterChain dataExportApiChain(HttpSecurity http)
                throws Exception { // not "dataExportApi": the controller's bean name
            return http.securityMatcher(PATH)
                    .authorizeHttpRequests(all -> all.anyRequest().permitAll())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .build();
        }
    }
}
