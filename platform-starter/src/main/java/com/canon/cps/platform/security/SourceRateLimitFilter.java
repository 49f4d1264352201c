package com.canon.cps.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits the requests one source sends to each endpoint that needs no token (issue 16, finding 6): every endpoint a
 * service declares in {@link PublicEndpoints} is counted per {@link ClientAddress source} in fixed windows (the wall
 * clock), with {@code cps.http.sources.limit} per {@code window} unless a budget of its own is configured. Past it the
 * answer is {@code 429} with {@code Retry-After} until the window ends, before the request reaches security or a
 * controller, so it changes nothing. Invalid requests count too: enumerating e-mail addresses through
 * {@code POST /api/accounts} or guessing links costs the same budget as applying.
 *
 * <p>The counters live in this instance's memory (a few bytes per source and endpoint, swept as windows end, at most
 * {@value #MAX_COUNTERS} at a time): with several instances behind a balancer a source gets that many budgets, which
 * bounds abuse just the same. A limit is no substitute for the login throttle, which PostgreSQL shares.
 */
public class SourceRateLimitFilter extends OncePerRequestFilter {

    static final int MAX_COUNTERS = 100_000;

    private record Limited(HttpMethod method, PathPattern pattern, String name, int limit, Duration window) {}

    private record Window(long start, AtomicInteger count) {}

    private final List<Limited> endpoints;
    private final ClientAddress clientAddress;
    private final ClientAddress exempt;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Window> counters = new ConcurrentHashMap<>();

    public SourceRateLimitFilter(
            Collection<PublicEndpoints.Endpoint> open,
            SourceSettings settings,
            ClientAddress clientAddress,
            Clock clock,
            MeterRegistry meters) {
        PathPatternParser parser = new PathPatternParser();
        this.endpoints = open.stream()
                .map(e -> {
                    String name = e.method().name() + " " + e.pattern();
                    SourceSettings.Budget budget = settings.budgets().stream()
                            .filter(b -> name.equals(b.endpoint().trim().replaceAll("\\s+", " ")))
                            .findFirst()
                            .orElse(new SourceSettings.Budget(name, settings.limit(), settings.window()));
                    if (budget.limit() < 1
                            || budget.window() == null
                            || budget.window().isNegative()
                            || budget.window().isZero()) {
                        throw new IllegalStateException("cps.http.sources: the budget of " + name
                                + " needs a limit of at least 1 and a window");
                    }
                    return new Limited(e.method(), parser.parse(e.pattern()), name, budget.limit(), budget.window());
                })
                .toList();
        List<String> unknown = settings.budgets().stream()
                .map(b -> b.endpoint().trim().replaceAll("\\s+", " "))
                .filter(b -> endpoints.stream().noneMatch(e -> e.name().equals(b)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(
                    "cps.http.sources.budgets names endpoints this service does not declare" + " public: " + unknown);
        }
        this.clientAddress = clientAddress;
        this.exempt = new ClientAddress(settings.exempt()); // its list matches addresses as it matches proxies
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limited endpoint = endpointOf(request);
        if (endpoint == null) {
            chain.doFilter(request, response);
            return;
        }
        String source = clientAddress.of(request);
        if (exempt.trusted(source)) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        long windowMillis = endpoint.window().toMillis();
        long start = now - Math.floorMod(now, windowMillis);
        if (counters.size() >= MAX_COUNTERS) {
            sweep(now);
        }
        Window window = counters.compute(
                endpoint.name() + '|' + source,
                (key, current) ->
                        current == null || current.start() != start ? new Window(start, new AtomicInteger()) : current);
        if (window.count().incrementAndGet() > endpoint.limit()) {
            long retryAfter = Math.max(1, (start + windowMillis - now + 999) / 1000);
            meters.counter("cps.http.rate.limited", "endpoint", endpoint.name()).increment();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                            + "\"detail\":\"Too many requests from your address to this endpoint; try again in "
                            + retryAfter + " s\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private Limited endpointOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        for (Limited endpoint : endpoints) {
            if (endpoint.method().matches(request.getMethod())
                    && endpoint.pattern().matches(container)) {
                return endpoint;
            }
        }
        return null;
    }

    /** Drops the counters of windows that have ended; when every counter is current, the oldest half goes. */
    private void sweep(long now) {
        endpoints.forEach(e -> counters.entrySet()
                .removeIf(c -> c.getKey().startsWith(e.name() + '|')
                        && c.getValue().start() + e.window().toMillis() <= now));
        if (counters.size() >= MAX_COUNTERS) {
            counters.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.start(), b.start())))
                    .limit(MAX_COUNTERS / 2)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(counters::remove);
        }
    }
}
