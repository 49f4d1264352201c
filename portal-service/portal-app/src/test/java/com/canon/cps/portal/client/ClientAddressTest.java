package com.canon.cps.portal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.portal.config.PortalSettings;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The portal passes the browser's address on to the services (account-service's login throttling counts attempts per
 * source, and believes the header only from a trusted proxy such as the portal): without it every member would share
 * the portal's one address, and one attacker's failures would slow everybody down.
 */
class ClientAddressTest {

    private HttpServer account;
    private final List<String> forwardedFor = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        account = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        account.createContext("/api/auth/login", exchange -> {
            forwardedFor.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            byte[] body = "{\"accessToken\":\"a\",\"expiresIn\":900,\"refreshToken\":\"r\",\"refreshExpiresIn\":86400}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        account.start();
    }

    @AfterEach
    void stop() {
        account.stop(0);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aLoginCarriesTheAddressOfTheBrowserItCameFrom() {
        AuthApi auth = new AuthApi(RestClient.builder(), settings());
        for (String browser : List.of("203.0.113.7", "198.51.100.23")) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
            request.setRemoteAddr(browser);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            assertThat(auth.login("ada@studio.example", "secret").accessToken()).isEqualTo("a");
        }
        assertThat(forwardedFor).containsExactly("203.0.113.7", "198.51.100.23");
    }

    @Test
    void withoutABrowserRequestNothingIsClaimed() {
        new AuthApi(RestClient.builder(), settings()).login("ada@studio.example", "secret");
        assertThat(forwardedFor).containsExactly("null");
    }

    private PortalSettings settings() {
        URI url = URI.create("http://127.0.0.1:" + account.getAddress().getPort());
        return new PortalSettings(
                new PortalSettings.Services(url, url, url, url, url, url, url),
                "/card-form",
                "",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                false,
                List.of("GB"));
    }
}
