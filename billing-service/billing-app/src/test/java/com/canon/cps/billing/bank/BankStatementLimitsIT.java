package com.canon.cps.billing.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.billing.BillingServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
