package com.canon.cps.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free TCP ports on the loopback interface for servers that must know (and advertise) their port up front. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private Ports() {}

    /** {@code requested} itself, or a currently free port when {@code requested} is 0. */
    static int resolve(int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new IllegalArgumentException("port out of range: " + requested);
        }
        return requested == 0 ? free() : requested;
    }

    /**
     * Fails at once, naming the port, when another process listens on {@code port} (a fixed port; 0 is skipped). A
     * server that would otherwise only time out (PostgreSQL waits its whole start-up time for a postmaster that exited
     * on "address already in use") calls it right before it binds.
     */
    static void requireFree(int port, String server) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers themselves bind: a closed socket in TIME_WAIT does not count
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    server + " cannot start: port " + port + " is already in use by another process (" + e.getMessage()
                            + "); stop that process or choose other ports");
        }
    }

    /** A port nobody listens on right now. There is a short race until the caller binds it; fine for local use. */
    static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }
}
