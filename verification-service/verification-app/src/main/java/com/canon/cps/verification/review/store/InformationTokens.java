package com.canon.cps.verification.review.store;

import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.verification.config.VerificationSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens of information-request links, derived as account-service derives its password links (ADR 5):
 * {@code token = base64url(HMAC-SHA256(key, caseId + "\n" + requestId))}, 256 bits nobody computes without the key,
 * reproducible by the publisher from the non-secret {@code VerificationInfoRequested} event; only {@code SHA-256(token)}
 * is stored. The key comes from {@code cps.verification.information-token-key}; without one a random key is made on
 * first use and kept in {@code service_secret}, so every instance and every restart derives the same tokens.
 */
@Component
public class InformationTokens {

    private static final Logger log = LoggerFactory.getLogger(InformationTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SECRET_NAME = "information-token-key";

    private final VerificationSettings settings;
    private final JdbcTemplate jdbc;
    private volatile SecretKeySpec key;

    public InformationTokens(VerificationSettings settings, JdbcTemplate jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The link token of request {@code requestId} of case {@code caseId}; the same inputs give the same token. */
    public String tokenFor(String caseId, String requestId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(caseId + "\n" + requestId));
    }

    /** The stored form of a token: lower-case hex SHA-256 of its UTF-8 bytes. */
    static String hash(String token) {
        return Sha256.hex(token);
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(keyBytes(), ALGORITHM);
                }
                current = key;
            }
        }
        return current;
    }

    private byte[] keyBytes() {
        String configured = settings.informationTokenKey();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException(
                        "cps.verification.information-token-key must have at least 32 characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        log.warn("cps.verification.information-token-key is not set: using a key kept in the service's database");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.update(
                "INSERT INTO service_secret (name, secret) VALUES (?, ?) ON CONFLICT DO NOTHING",
                SECRET_NAME,
                HexFormat.of().formatHex(random));
        String kept =
                jdbc.queryForObject("SELECT secret FROM service_secret WHERE name = ?", String.class, SECRET_NAME);
        return kept.getBytes(StandardCharsets.UTF_8);
    }
}
