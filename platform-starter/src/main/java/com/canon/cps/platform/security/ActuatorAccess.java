package com.canon.cps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator/**} (issue 16, finding 7). Public: {@code /actuator/health} (and its probes, without
 * details) and {@code /actuator/info}. Everything else, {@code prometheus} and {@code metrics} included, needs an
 * OPERATOR token, or, for {@code prometheus} and {@code metrics} only, the scraper's HTTP Basic credentials: user
 * {@value #SCRAPER_USER} and the password of {@code cps.management.scrape-password} ({@code CPS_METRICS_SCRAPE_PASSWORD};
 * unset: no scraper login at all). This filter turns those credentials into the role {@value #SCRAPER_ROLE}.
 */
public final class ActuatorAccess extends OncePerRequestFilter {

    /** The user name Prometheus sends with the scrape password. */
    public static final String SCRAPER_USER = "prometheus";

    /** The role of a request that carried the scraper's credentials. */
    public static final String SCRAPER_ROLE = "METRICS_SCRAPER";

    /** Paths anyone may read. */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info"};

    /** Paths the scraper may read. */
    static final String[] SCRAPED = {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"};

    private final byte[] expected;

    /** {@code scrapePassword} null or blank: no request is a scraper. */
    public ActuatorAccess(String scrapePassword) {
        this.expected = scrapePassword == null || scrapePassword.isBlank()
                ? null
                : ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (SCRAPER_USER + ":" + scrapePassword).getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return expected == null || !request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    SCRAPER_USER, null, List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
