package com.canon.cps.platform.test;

import com.canon.cps.platform.security.JwtKeys;
import com.canon.cps.platform.security.Pem;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Access tokens as account-service issues them (issuer, the platform's audience, the signing key's {@code kid}), signed
 * with the test key (or, for negative tests, another key).
 */
public final class TestTokens {

    private static final String ISSUER = "cps-account-service";
    private static final String AUDIENCE = "cps-platform";

    private TestTokens() {}

    public static String member(String accountId) {
        return token(TestInfrastructure.keys(), accountId, List.of("MEMBER"), Duration.ofMinutes(10));
    }

    /** An ADMIN operator's token (may do everything), as the configured bootstrap operator gets, without names. */
    public static String operator() {
        return token(
                TestInfrastructure.keys(),
                "operator:test@cps.local",
                List.of("OPERATOR", "ADMIN"),
                Duration.ofMinutes(10));
    }

    /**
     * An operator's token as account-service issues it (ADR 19): subject {@code operator:<email>}, roles
     * {@code OPERATOR} and {@code roles} ({@code REVIEWER}, {@code BILLING}, {@code ADMIN}; none = an operator who may
     * only read), and the claims that name who acts ({@code operatorId}, {@code email}, {@code name}).
     */
    public static String operator(String email, String... roles) {
        List<String> all = new java.util.ArrayList<>(List.of("OPERATOR"));
        all.addAll(List.of(roles));
        return token(
                TestInfrastructure.keys(),
                "operator:" + email,
                all,
                Duration.ofMinutes(10),
                Map.of(
                        "operatorId",
                        java.util
                                .UUID
                                .nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8))
                                .toString(),
                        "email",
                        email,
                        "name",
                        "Operator " + email.substring(0, email.indexOf('@'))));
    }

    public static String expiredMember(String accountId) {
        return token(TestInfrastructure.keys(), accountId, List.of("MEMBER"), Duration.ofMinutes(-10));
    }

    public static String signedByOtherKey(String accountId) {
        return token(Pem.generateRsa(), accountId, List.of("MEMBER", "OPERATOR"), Duration.ofMinutes(10));
    }

    /** A token signed with {@code keys} (e.g. a running platform's own key), valid for {@code ttl} (negative: expired). */
    public static String signedWith(KeyPair keys, String subject, List<String> roles, Duration ttl) {
        return token(keys, subject, roles, ttl);
    }

    /** An unsecured JWT ({@code "alg": "none"}, no signature), which no service may accept. */
    public static String unsigned(String subject, List<String> roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"iat\":" + now
                        + ",\"exp\":" + (now + 600) + ",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String token(KeyPair keys, String subject, List<String> roles, Duration ttl) {
        return token(keys, subject, roles, ttl, Map.of());
    }

    private static String token(
            KeyPair keys, String subject, List<String> roles, Duration ttl, Map<String, Object> claims) {
        Instant now = Instant.now();
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withKeyPair(
                        (RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
                .build();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .issuedAt(ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now)
                .expiresAt(now.plus(ttl))
                .claim("roles", roles);
        claims.forEach(builder::claim);
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256)
                                .keyId(JwtKeys.keyId((RSAPublicKey) keys.getPublic()))
                                .build(),
                        builder.build()))
                .getTokenValue();
    }
}
