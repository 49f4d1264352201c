package com.canon.cps.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Issue 16, finding 5: X-Forwarded-For names the source only when the entry point sent it. */
class ClientAddressTest {

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void fromTheDefaultTrustedProxy_loopback_theLastForwardedHopIsTheSource() {
        ClientAddress addresses = new ClientAddress(List.of("127.0.0.1", "::1"));
        assertThat(addresses.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("0:0:0:0:0:0:0:1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("127.0.0.1", "198.51.100.1, 203.0.113.7")))
                .as("a client's own entry before the proxy's is ignored")
                .isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void fromAnyOtherAddress_privateOnesIncluded_theHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of("127.0.0.1", "::1"));
        for (String remote : List.of("10.0.0.5", "192.168.1.20", "172.17.0.3", "203.0.113.99", "fd00::1")) {
            assertThat(addresses.of(request(remote, "198.51.100." + 1)))
                    .as(remote)
                    .isEqualTo(remote);
        }
    }

    @Test
    void configuredProxies_byAddressRangeOrName() {
        ClientAddress addresses = new ClientAddress(List.of("10.1.2.0/24", "localhost"));
        assertThat(addresses.of(request("10.1.2.77", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("10.1.3.77", "203.0.113.7"))).isEqualTo("10.1.3.77");
        assertThat(addresses.of(request("127.0.0.1", "203.0.113.8"))).isEqualTo("203.0.113.8");
        assertThat(new ClientAddress(List.of()).of(request("127.0.0.1", "203.0.113.7")))
                .isEqualTo("127.0.0.1");
    }
}
