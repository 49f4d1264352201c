package com.canon.cps.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry point faces the network: it listens on loopback unless told otherwise, says itself where a request came
 * from (a client's own {@code X-Forwarded-*} headers never pass), and refuses oversized bodies before reading them.
 * A stub stands in for account-service on its port.
 */
class EntryPointTest {

    @TempDir
    Path dataDir;

    private EntryPoint entryPoint;
    private HttpServer service;
    private final AtomicReference<String> forwardedFor = new AtomicReference<>();
    private final AtomicReference<String> forwardedHost = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (entryPoint != null) {
            entryPoint.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void listensOnLoopbackByDefault() throws Exception {
        int offset = freeOffset();
        entryPoint = start(new LocalOptions(dataDir, false, offset));
        assertThat(entryPoint.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void aClientsOwnForwardingHeadersNeverPass() throws Exception {
        int offset = freeOffset();
        stubAccountService(offset);
        entryPoint = start(new LocalOptions(dataDir, false, offset));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + entryPoint.port() + "/api/accounts/x"))
                                .header("X-Forwarded-For", "203.0.113.7")
                                .header("X-Forwarded-Host", "evil.example")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(forwardedFor.get()).isEqualTo("127.0.0.1");
        assertThat(forwardedHost.get()).isEqualTo("127.0.0.1:" + entryPoint.port());
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        int offset = freeOffset();
        stubAccountService(offset);
        entryPoint = start(new LocalOptions(dataDir, false, offset));
        try (Socket socket = new Socket("127.0.0.1", entryPoint.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + (EntryPoint.MAX_BODY_BYTES + 1) + "\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        assertThat(forwardedFor.get()).as("nothing reached the service").isNull();
    }

    private EntryPoint start(LocalOptions options) {
        return EntryPoint.start(
                options.port(LocalService.ENTRY_POINT_PORT),
                options,
                null,
                new MutableClock(Clock.systemUTC(), Duration.ZERO),
                dataDir);
    }

    private void stubAccountService(int offset) throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", LocalService.ACCOUNT.port + offset), 10);
        service.createContext("/", exchange -> {
            forwardedFor.set(exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            forwardedHost.set(exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
    }

    /** An offset whose entry point and account-service ports are both free. */
    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 30000 + (int) (Math.random() * 20000);
            if (free(LocalService.ENTRY_POINT_PORT + offset) && free(LocalService.ACCOUNT.port + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
