package com.canon.cps.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps fixed ports bound until their server starts, so that no outgoing connection takes one of them as its ephemeral
 * source port in the meantime. The fixed infrastructure ports (e.g. Kafka 19092 + an offset of 21000) lie inside the
 * kernel's ephemeral range (32768-60999); while PostgreSQL starts, the JDBC connections of its readiness check and of
 * the database set-up each take such a port, and one of them once took Kafka's, so the broker could not bind it
 * ("Address already in use", a failed restart after kill -9). The kernel never hands out a port bound by
 * {@code bind()} as a source port, so holding it closes that window. A port that is already taken is not held; its
 * server reports the clash itself.
 */
final class PortHolds implements AutoCloseable {

    private final Map<Integer, ServerSocket> held = new HashMap<>();

    PortHolds(int... ports) {
        for (int port : ports) {
            if (port == 0) {
                continue; // nothing to hold: that server is external
            }
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    held.put(port, socket);
                } catch (IOException taken) {
                    socket.close();
                }
            } catch (IOException e) {
                // not held; the server that binds it reports what is wrong
            }
        }
    }

    /** Lets the port go, right before its server binds it. */
    void release(int port) {
        ServerSocket socket = held.remove(port);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a listening socket that never accepted does not fail in practice
            }
        }
    }

    @Override
    public void close() {
        held.keySet().stream().toList().forEach(this::release);
    }
}
