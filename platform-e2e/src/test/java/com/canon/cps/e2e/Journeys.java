package com.canon.cps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.canon.cps.platform.embedded.CapturedMail;
import com.canon.cps.platform.test.HttpTestClient;
import com.canon.cps.platform.test.Mailbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Steps of the seed journey through the entry point, shared by the journey tests. */
final class Journeys {

    static final String PASSWORD = "Lumen-Studio-2026-secure";
    /** The shared platform's mailbox. */
    static final Mailbox MAIL =
            Mailbox.of(() -> SharedPlatform.get().infrastructure().smtp());

    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-.~%]+)");
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Journeys() {}

    /** Uploads one evidence PDF of {@code documentType} and applies with it; returns the account id. */
    static String apply(Map<String, Object> application, String documentType) {
        HttpTestClient http = SharedPlatform.http();
        HttpTestClient.Response upload = http.postMultipart(
                "/api/verification/documents",
                "evidence.pdf",
                "application/pdf",
                PDF,
                Map.of("type", documentType),
                null);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(application);
        body.put("evidenceDocumentIds", List.of(upload.json().path("documentId").asString()));
        HttpTestClient.Response created = http.postJson("/api/accounts", HttpTestClient.json(body), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("accountId").asString();
    }

    /** Waits for the one e-mail with a password-setup link and returns its token. */
    static String awaitPasswordLink(String email) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<CapturedMail> links = mails(email).stream()
                    .filter(m -> LINK_TOKEN.matcher(m.text()).find())
                    .toList();
            assertThat(links).hasSize(1);
            Matcher m = LINK_TOKEN.matcher(links.get(0).text());
            assertThat(m.find()).isTrue();
            token[0] = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        });
        return token[0];
    }

    static HttpTestClient.Response setPassword(String token, String password) {
        return SharedPlatform.http()
                .postJson(
                        "/api/accounts/password",
                        HttpTestClient.json(Map.of("token", token, "password", password)),
                        null);
    }

    static HttpTestClient.Response login(String email, String password) {
        return SharedPlatform.http()
                .postJson("/api/auth/login", HttpTestClient.json(Map.of("email", email, "password", password)), null);
    }

    /** A GB company verified by policy, with its password set: returns the member's access token. */
    static String verifiedMember(Map<String, Object> application, String email) {
        apply(application, "VAT_CERTIFICATE");
        HttpTestClient.Response set = setPassword(awaitPasswordLink(email), PASSWORD);
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        HttpTestClient.Response login = login(email, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        return login.json().path("accessToken").asString();
    }

    static List<CapturedMail> mails(String email) {
        return MAIL.to(email);
    }
}
