package com.canon.cps.account.auth;

import static com.canon.cps.account.AccountJourney.uniqueEmail;
import static com.canon.cps.platform.test.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.account.AccountJourney;
import com.canon.cps.account.AccountServiceTest;
import com.canon.cps.platform.test.HttpTestClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Rotating refresh tokens ({@code POST /api/auth/login}, {@code /refresh}, {@code /logout}) against the full
 * application: rotation, reuse detection revoking the family, logout, the family's absolute expiry, members and
 * operators alike; only hashes are stored.
 */
@AccountServiceTest
class SessionIT {

    private static final String PASSWORD = "Correct horse 42";
    private static final String BASE64URL_256_BITS = "[A-Za-z0-9_-]{43}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JwtDecoder jwtDecoder;

    private HttpTestClient http;
    private AccountJourney journey;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://127.0.0.1:" + port);
        journey = new AccountJourney(http);
    }

    /**
     * Issue 16, finding 8: a token names its signing key ({@code kid}, the key's RFC 7638 thumbprint) and the platform's
     * audience, and {@code /.well-known/jwks.json} publishes that key, public parameters only.
     */
    @Test
    void anIssuedToken_namesItsKeyAndTheAudience_andTheKeyIsPublishedAsAJwkSet() throws Exception {
        String email = uniqueEmail("jwks");
        journey.activeMember(email, PASSWORD);
        String token = journey.login(email, PASSWORD).json().path("accessToken").asString();

        Jwt jwt = jwtDecoder.decode(token);
        assertThat(jwt.getAudience()).containsExactly("cps-platform");
        String kid = (String) jwt.getHeaders().get("kid");
        assertThat(kid).matches("[A-Za-z0-9_-]{43}");

        HttpTestClient.Response jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).as(jwks.body()).isEqualTo(200);
        JsonNode keys = jwks.json().path("keys");
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kid").asString()).isEqualTo(kid);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.has("n") && key.has("e")).isTrue();
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertThat(key.has(secret)).as("private parameter " + secret).isFalse();
        }
        assertThat(com.nimbusds.jose.jwk.RSAKey.parse(key.toString())
                        .computeThumbprint()
                        .toString())
                .as("the kid is the key's thumbprint")
                .isEqualTo(kid);
    }

    @Test
    void memberLogin_answersARefreshToken_andEachRefreshRotatesIt_withinTheLoginsLifetime() throws Exception {
        String email = uniqueEmail("session");
        String accountId = journey.activeMember(email, PASSWORD);

        HttpTestClient.Response login = journey.login(email, PASSWORD);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String first = login.json().path("refreshToken").asString();
        assertThat(first).matches(BASE64URL_256_BITS);
        assertThat(login.json().path("refreshExpiresIn").asLong()).isEqualTo(12 * 3600);
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.json().path("tokenType").asString()).isEqualTo("Bearer");
        Map<String, Object> stored =
                jdbc.queryForMap("SELECT * FROM refresh_token WHERE token_hash = ?", sha256(first));
        assertThat(stored)
                .containsEntry("subject", accountId)
                .containsEntry("email", email)
                .containsEntry("roles", "MEMBER");
        assertThat(stored.values().toString()).as("only the hash is stored").doesNotContain(first);

        HttpTestClient.Response refreshed = journey.refresh(first);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode body = refreshed.json();
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.path("refreshExpiresIn").asLong()).isBetween(12 * 3600L - 60, 12 * 3600L);
        String second = body.path("refreshToken").asString();
        assertThat(second).matches(BASE64URL_256_BITS).isNotEqualTo(first);
        Jwt jwt = jwtDecoder.decode(body.path("accessToken").asString());
        assertThat(jwt.getSubject()).isEqualTo(accountId);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        assertThat(http.get("/api/accounts/me", body.path("accessToken").asString())
                        .status())
                .as("the refreshed access token works")
                .isNotEqualTo(401);
        assertThat(expiresAt(second)).as("a rotation keeps the login's expiry").isEqualTo(expiresAt(first));

        assertThat(journey.refresh(second).status()).isEqualTo(200);
    }

    @Test
    void reusedRefreshToken_isRefused_andRevokesItsWholeFamily_butNotOtherLogins() {
        String email = uniqueEmail("stolen");
        journey.activeMember(email, PASSWORD);
        String stolen = refreshTokenOf(journey.login(email, PASSWORD));
        String otherDevice = refreshTokenOf(journey.login(email, PASSWORD));
        String current = refreshTokenOf(journey.refresh(stolen));

        JsonNode reuse = assertProblem(journey.refresh(stolen), 401);

        assertThat(reuse.toString()).doesNotContain("accessToken");
        assertProblem(journey.refresh(current), 401);
        assertThat(journey.refresh(otherDevice).status())
                .as("another login is another family")
                .isEqualTo(200);
    }

    @Test
    void logout_revokesTheFamily_isIdempotent_andAnswers204ForUnknownTokens() {
        String email = uniqueEmail("logout");
        journey.activeMember(email, PASSWORD);
        String first = refreshTokenOf(journey.login(email, PASSWORD));
        String second = refreshTokenOf(journey.refresh(first));

        assertThat(journey.logout(second).status()).isEqualTo(204);

        assertProblem(journey.refresh(second), 401);
        assertThat(journey.logout(second).status()).isEqualTo(204);
        assertThat(journey.logout(first).status()).isEqualTo(204);
        assertThat(journey.logout("no-such-refresh-token").status()).isEqualTo(204);
    }

    @Test
    void unknownOrMissingRefreshToken_isRefused() {
        JsonNode unknown = assertProblem(journey.refresh("no-such-refresh-token"), 401);
        assertThat(unknown.path("detail").asString()).isEqualTo("The refresh token is unknown, expired or revoked");

        JsonNode missing = assertProblem(http.postJson("/api/auth/refresh", "{}", null), 400);
        assertThat(missing.path("errors").get(0).path("field").asString()).isEqualTo("refreshToken");
        assertProblem(http.postJson("/api/auth/logout", "{\"refreshToken\": \"\"}", null), 400);
        assertProblem(http.postJson("/api/auth/refresh", "{\"refreshToken\": \"unterminated", null), 400);
    }

    @Test
    void operator_refreshes_andKeepsTheOperatorRole() {
        String refreshToken =
                refreshTokenOf(journey.login(AccountServiceTest.OPERATOR_EMAIL, AccountServiceTest.OPERATOR_PASSWORD));

        HttpTestClient.Response refreshed = journey.refresh(refreshToken);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        Jwt jwt = jwtDecoder.decode(refreshed.json().path("accessToken").asString());
        assertThat(jwt.getSubject()).isEqualTo("operator:" + AccountServiceTest.OPERATOR_EMAIL);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR", "ADMIN");
        assertThat(jwt.getClaimAsString("operatorId")).isNotBlank();
        assertThat(http.get(
                                "/admin/projections",
                                refreshed.json().path("accessToken").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aFamilyPastTheLoginsLifetime_isRefused() throws Exception {
        String email = uniqueEmail("expired");
        journey.activeMember(email, PASSWORD);
        String refreshToken = refreshTokenOf(journey.login(email, PASSWORD));
        // 12 hours of real time cannot pass in a test: the family's stored expiry moves instead
        jdbc.update(
                "UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE family_id ="
                        + " (SELECT family_id FROM refresh_token WHERE token_hash = ?)",
                sha256(refreshToken));

        assertProblem(journey.refresh(refreshToken), 401);
    }

    @Test
    void concurrentRefreshesWithOneToken_atMostOneSucceeds() {
        String email = uniqueEmail("race");
        journey.activeMember(email, PASSWORD);
        String refreshToken = refreshTokenOf(journey.login(email, PASSWORD));

        List<Integer> statuses = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> journey.refresh(refreshToken).status()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(statuses).containsOnly(200, 401).filteredOn(s -> s == 200).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String refreshTokenOf(HttpTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("refreshToken").asString();
    }

    private Timestamp expiresAt(String refreshToken) throws Exception {
        return jdbc.queryForObject(
                "SELECT expires_at FROM refresh_token WHERE token_hash = ?", Timestamp.class, sha256(refreshToken));
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
