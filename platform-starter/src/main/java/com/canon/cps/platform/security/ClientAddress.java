package com.canon.cps.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The address a request comes from, for the login throttle and the limits on anonymous endpoints (issue 16, findings 5
 * and 6). {@code X-Forwarded-For} counts only when the connection comes from one of
 * {@code cps.http.sources.trusted-proxies} ({@code CPS_TRUSTED_PROXIES}: the entry point and the portal, by IP address,
 * CIDR range or a host name such as compose's {@code entry-point}); then its last entry, the one that proxy wrote, is
 * the client. From anywhere
 * else, private addresses included, the header is ignored and the connection's own address is the source, so a client
 * cannot choose its source at will.
 */
public class ClientAddress {

    private static final int MAX_LENGTH = 64;

    private final List<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !trusted(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].trim();
        if (client.isEmpty() || client.length() > MAX_LENGTH) {
            return remote;
        }
        return client.toLowerCase(Locale.ROOT);
    }

    boolean trusted(String remote) {
        InetAddress address;
        try {
            address = InetAddress.getByName(literal(remote));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
        for (String proxy : trustedProxies) {
            if (matches(proxy.trim(), address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String proxy, InetAddress address) {
        if (proxy.isEmpty()) {
            return false;
        }
        try {
            int slash = proxy.indexOf('/');
            if (slash < 0) {
                for (InetAddress candidate : InetAddress.getAllByName(proxy)) {
                    if (candidate.equals(address)) {
                        return true;
                    }
                }
                return false;
            }
            byte[] network =
                    InetAddress.getByName(literal(proxy.substring(0, slash))).getAddress();
            int bits = Integer.parseInt(proxy.substring(slash + 1));
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length || bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** Only an IP literal: never a name lookup for what a client sent. */
    private static String literal(String address) {
        if (address == null || !address.matches("[0-9A-Fa-f:.%]+")) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        return address;
    }
}
