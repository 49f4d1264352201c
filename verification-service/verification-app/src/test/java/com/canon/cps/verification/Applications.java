package com.canon.cps.verification;

import com.canon.cps.account.contract.AccountApplicationSubmitted;
import com.canon.cps.account.contract.Address;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.KafkaTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test helpers: applications as account-service publishes them, multipart uploads, binary downloads. */
public final class Applications {

    public static final String ACCOUNT_TOPIC = "cps.account.events";
    public static final String VERIFICATION_TOPIC = "cps.verification.events";
    /** VIES test number: the registry answers "invalid", so the case stays with the operators. */
    public static final String REFUSED_VAT_ID = "GB200";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Applications() {}

    public static void submit(
            String accountId,
            String country,
            boolean vatLiable,
            String vatId,
            List<String> documentIds,
            Instant submittedAt) {
        submit(UUID.randomUUID().toString(), accountId, country, vatLiable, vatId, documentIds, submittedAt);
    }

    /** As above, as the record with CloudEvents id {@code ceId}. */
    public static void submit(
            String ceId,
            String accountId,
            String country,
            boolean vatLiable,
            String vatId,
            List<String> documentIds,
            Instant submittedAt) {
        String json = HttpTestClient.json(new AccountApplicationSubmitted(
                accountId,
                "Lumen Studio Ltd",
                new Address("1 High St", "SW1A 1AA", "London", country),
                country,
                "Ada Lumen",
                "ada+" + accountId + "@lumen.example",
                "en",
                vatLiable,
                vatId,
                documentIds,
                false,
                submittedAt));
        KafkaTestClient.send(ACCOUNT_TOPIC, accountId, ceId, AccountApplicationSubmitted.TYPE, json);
    }

    /** A {@code multipart/form-data} body; {@code file} may be null to leave the part out. */
    public record Multipart(String contentType, byte[] body) {

        public static Multipart of(String type, String filename, String declaredType, byte[] file) {
            String boundary = "----cps" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (type != null) {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n");
            }
            if (file != null) {
                write(
                        out,
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n");
                out.writeBytes(file);
                write(out, "\r\n");
            }
            write(out, "--" + boundary + "--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static byte[] pdf(int size) {
        return file("%PDF-1.7\n", size);
    }

    public static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    public static byte[] jpeg() {
        byte[] jpeg = new byte[64];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        return jpeg;
    }

    private static byte[] file(String header, int size) {
        byte[] bytes = new byte[size];
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, bytes, 0, Math.min(h.length, size));
        for (int i = h.length; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    /** A GET whose body is kept as bytes (downloads). */
    public static HttpResponse<byte[]> download(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
