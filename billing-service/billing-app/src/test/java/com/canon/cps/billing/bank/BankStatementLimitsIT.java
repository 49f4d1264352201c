package com.canon.cps.billing.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.BillingServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, finding 7: a bank statement is at most 5 MB however the body is labelled; a body that claims to be
 * multipart no longer skips the size limit. Over it: a 413 problem.
 */
@BillingServiceTest
class BankStatementLimitsIT {

    private static final int OVER = 5 * 1024 * 1024 + 1;

    @LocalServerPort
    int port;

    @Test
    void aStatementLabelledMultipart_overTheLimit_gets413() {
        HttpTestClient http = new HttpTestClient("http://127.0.0.1:" + port);
        HttpTestClient.Response response = http.postBytes(
                "/api/billing/bank-statements",
                "multipart/form-data; boundary=cps",
                new byte[OVER],
                TestTokens.operator());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(http.postBytes(
                                "/api/billing/bank-statements",
                                "multipart/mixed; boundary=cps",
                                new byte[OVER],
                                TestTokens.operator())
                        .status())
                .isEqualTo(413);
        assertThat(http.postBytes(
                                "/api/billing/bank-statements",
                                "application/xml",
                                new byte[OVER],
                                TestTokens.operator())
                        .status())
                .isEqualTo(413);
    }

    /**
     * A client that sends the whole body before it reads (as Java's HTTP client does) must still find the 413: the
     * server reads and drops the refused body ({@code server.tomcat.max-swallow-size}) instead of closing the
     * connection on unread data, whose reset could destroy the answer before the client reads it.
     */
    @Test
    void aClientThatSendsTheWholeBodyFirst_getsThe413AndACleanEnd() throws Exception {
        // a 20 MB file for the 5 MB limit: more than sockets buffer and Tomcat's 2 MB default
        int size = 20 * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/billing/bank-statements HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + TestTokens.operator() + "\r\nContent-Type: application/xml\r\nContent-Length: " + size
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[size]); // fails with a reset when the server closed on the unread body
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("Payload too large");
        }
    }

    @Test
    void aChunkedMultipartStatement_overTheLimit_gets413() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/billing/bank-statements"))
                                .header("Authorization", "Bearer " + TestTokens.operator())
                                .header("Content-Type", "multipart/form-data; boundary=cps")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(multipart(OVER))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private static byte[] multipart(int size) {
        byte[] head = ("--cps\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.xml\"\r\n"
                        + "Content-Type: application/xml\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--cps--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + size + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, head.length + size, (byte) 'x');
        System.arraycopy(tail, 0, body, head.length + size, tail.length);
        return body;
    }
}
