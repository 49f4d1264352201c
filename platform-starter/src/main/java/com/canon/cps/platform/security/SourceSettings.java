package com.canon.cps.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where requests come from and how many an anonymous caller may send ({@code cps.http.sources}, issue 16, finding 6).
 *
 * @param trustedProxies whose {@code X-Forwarded-For} names the client ({@link ClientAddress}); {@code CPS_TRUSTED_PROXIES}
 * @param limited whether the endpoints a service declares in {@link PublicEndpoints} are limited per source at all
 * @param limit requests per {@code window} and source on each public endpoint that has no budget of its own
 * @param window the fixed window the requests are counted in
 * @param exempt sources never limited: in local mode the machine itself, whose load driver and tests send every
 *     journey from one address; never set outside local mode
 * @param budgets an endpoint's own budget, e.g. {@code endpoint: POST /api/accounts, limit: 20, window: 1h}: the
 *     endpoint exactly as the service declares it in {@link PublicEndpoints}
 */
@ConfigurationProperties("cps.http.sources")
public record SourceSettings(
        @DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies,
        @DefaultValue("true") boolean limited,
        @DefaultValue("60") int limit,
        @DefaultValue("1m") Duration window,
        @DefaultValue List<String> exempt,
        @DefaultValue List<Budget> budgets) {

    /** An endpoint's own budget. */
    public record Budget(String endpoint, int limit, Duration window) {}
}
