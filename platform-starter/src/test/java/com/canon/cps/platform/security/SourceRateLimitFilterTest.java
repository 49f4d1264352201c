package com.canon.cps.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 16, finding 6: the endpoints that need no token, limited per source in fixed windows of the wall clock. */
class SourceRateLimitFilterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger served = new AtomicInteger();

    private SourceRateLimitFilter filter(List<String> exempt, List<SourceSettings.Budget> budgets) {
        return new SourceRateLimitFilter(
                PublicEndpoints.of("POST /api/accounts", "GET /api/accounts/applications/*", "GET /api/catalog/**")
                        .endpoints(),
                new SourceSettings(List.of("127.0.0.1"), true, 5, Duration.ofMinutes(1), exempt, budgets),
                new ClientAddress(List.of("127.0.0.1")),
                clock,
                meters);
    }

    private MockHttpServletResponse send(SourceRateLimitFilter filter, String method, String path, String source)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("X-Forwarded-For", source);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                served.incrementAndGet();
            }
        });
        return response;
    }

    @Test
    void pastItsBudget_aSourceGets429_withRetryAfter_andTheRequestGoesNoFurther() throws Exception {
        SourceRateLimitFilter filter =
                filter(List.of(), List.of(new SourceSettings.Budget("POST  /api/accounts", 3, Duration.ofHours(1))));
        clock.set(Instant.parse("2026-12-06T10:20:00Z"));
        for (int i = 0; i < 3; i++) {
            assertThat(send(filter, "POST", "/api/accounts", "203.0.113.7").getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse refused = send(filter, "POST", "/api/accounts", "203.0.113.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2400"); // the hour's window ends at 11:00
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429");
        assertThat(served).hasValue(3);
        assertThat(meters.counter("cps.http.rate.limited", "endpoint", "POST /api/accounts")
                        .count())
                .isEqualTo(1);

        assertThat(send(filter, "POST", "/api/accounts", "203.0.113.8").getStatus())
                .as("another source")
                .isEqualTo(200);
        clock.set(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(send(filter, "POST", "/api/accounts", "203.0.113.7").getStatus())
                .as("the next window")
                .isEqualTo(200);
    }

    @Test
    void eachEndpointHasItsOwnCount_theDefaultBudgetCoversTheRest_andOtherPathsAreNotCounted() throws Exception {
        SourceRateLimitFilter filter = filter(List.of(), List.of());
        for (int i = 0; i < 5; i++) {
            assertThat(send(filter, "GET", "/api/accounts/applications/a" + i, "203.0.113.7")
                            .getStatus())
                    .isEqualTo(200);
        }
        assertThat(send(filter, "GET", "/api/accounts/applications/x", "203.0.113.7")
                        .getStatus())
                .isEqualTo(429);
        assertThat(send(filter, "GET", "/api/catalog/EOS-R5", "203.0.113.7").getStatus())
                .isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(send(filter, "GET", "/api/products", "203.0.113.7").getStatus())
                    .as("not an anonymous endpoint")
                    .isEqualTo(200);
            assertThat(send(filter, "DELETE", "/api/accounts", "203.0.113.7").getStatus())
                    .as("another method")
                    .isEqualTo(200);
        }
    }

    @Test
    void theSourceIsWhatTheTrustedProxyReports_soAClientCannotRotateIt() throws Exception {
        SourceRateLimitFilter filter = filter(List.of(), List.of());
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/accounts");
            request.setRemoteAddr("192.0.2.10"); // not a trusted proxy: its own X-Forwarded-For is ignored
            request.addHeader("X-Forwarded-For", "198.51.100." + i);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).as("request " + (i + 1)).isEqualTo(i < 5 ? 200 : 429);
        }
    }

    @Test
    void anExemptSource_isNeverLimited() throws Exception {
        SourceRateLimitFilter filter = filter(List.of("127.0.0.1", "::1"), List.of());
        for (int i = 0; i < 20; i++) {
            assertThat(send(filter, "POST", "/api/accounts", "0:0:0:0:0:0:0:1").getStatus())
                    .isEqualTo(200);
        }
        assertThat(served).hasValue(20);
    }

    @Test
    void aBudgetForAnEndpointTheServiceDoesNotDeclare_orWithoutALimit_stopsTheStart() {
        assertThatThrownBy(() -> filter(
                        List.of(), List.of(new SourceSettings.Budget("POST /api/acounts", 3, Duration.ofHours(1)))))
                .hasMessageContaining("POST /api/acounts");
        assertThatThrownBy(() -> filter(
                        List.of(), List.of(new SourceSettings.Budget("POST /api/accounts", 0, Duration.ofHours(1)))))
                .hasMessageContaining("limit");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
