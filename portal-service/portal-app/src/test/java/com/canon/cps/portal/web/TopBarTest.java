package com.canon.cps.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.portal.client.NotificationApi;
import com.canon.cps.portal.config.PortalSettings;
import com.canon.cps.portal.session.PortalSession;
import com.canon.cps.portal.session.SignedIn;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The bell's count is asked of notification-service once per refresh period and session, not on every page; again
 * at once after the session's own writes (which may have caused a notification); a failure is never kept.
 */
class TopBarTest {

    private static final String TWO_NOTIFICATIONS_ONE_UNREAD =
            "[{\"id\":\"n1\",\"type\":\"POINTS_CREDITED\",\"title\":\"t\",\"createdAt\":\"2026-12-06T10:00:00Z\","
                    + "\"read\":false},{\"id\":\"n2\",\"type\":\"WELCOME\",\"title\":\"t\","
                    + "\"createdAt\":\"2026-12-05T10:00:00Z\",\"read\":true}]";

    private HttpServer notification;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile int status = 200;
    private PortalSession session;
    private TopBar topBar;

    @BeforeEach
    void start() throws Exception {
        notification = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notification.createContext("/api/notifications", exchange -> {
            asked.incrementAndGet();
            byte[] body = TWO_NOTIFICATIONS_ONE_UNREAD.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 200) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        notification.start();
        URI url = URI.create("http://127.0.0.1:" + notification.getAddress().getPort());
        PortalSettings settings = new PortalSettings(
                new PortalSettings.Services(url, url, url, url, url, url, url),
                "/card-form",
                "",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                false,
                List.of("GB"));
        session = new PortalSession(null, settings);
        topBar = new TopBar(session, new NotificationApi(RestClient.builder(), settings, session), settings);
        signIn();
    }

    @AfterEach
    void stop() {
        notification.stop(0);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theCountIsAskedForOncePerPeriod_andAgainAfterTheSessionsOwnWrite() {
        assertThat(topBar.bar().unread()).isEqualTo(1);
        assertThat(topBar.bar().unread()).isEqualTo(1);
        assertThat(asked).hasValue(1);

        session.wrote("product");
        assertThat(topBar.bar().unread()).isEqualTo(1);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aServiceThatIsDown_isAskedAgainOnTheNextPage() {
        status = 503;
        assertThat(topBar.bar().unread()).as("no count while it is down").isNull();
        status = 200;
        assertThat(topBar.bar().unread()).isEqualTo(1);
        assertThat(asked).hasValue(2);
    }

    @Test
    void eachSessionHasItsOwnCount() {
        assertThat(topBar.bar().unread()).isEqualTo(1);
        signIn();
        assertThat(topBar.bar().unread()).isEqualTo(1);
        assertThat(asked).hasValue(2);
    }

    private void signIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        session.signIn(
                request,
                new SignedIn(
                        "acc-1",
                        "ada@studio.example",
                        List.of("MEMBER"),
                        "token",
                        Instant.now().plus(Duration.ofMinutes(15)),
                        "refresh"));
    }
}
