package com.canon.cps.account.password;

import com.canon.cps.account.config.AccountSettings;
import com.canon.cps.account.onboarding.messaging.LegacyEmailCodes;
import com.canon.cps.account.onboarding.messaging.SetupLinkTokens;
import com.canon.cps.platform.hashing.Sha256;
import com.canon.cps.platform.security.Pem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Derives password-setup link tokens and the hash under which they are stored.
 *
 * <p>{@code token = base64url(HMAC-SHA256(key, accountId + "\n" + issueId))}: 256 bits no one can compute without
 * the server key, reproducible by the publisher from the non-secret {@code PasswordSetupIssued} event, so neither the
 * event store nor any table holds a usable token. The newline separates the two inputs unambiguously (neither
 * contains one). Only {@code SHA-256(token)} is stored: a plain hash suffices because the token has full entropy
 * (no dictionary to try), and it lets a presented token be looked up by index.
 *
 * <p>The same key derives the six-digit codes for the old CPS e-mail ({@link LegacyEmailCodes}), with labels of their
 * own: {@code code = HMAC(key, "legacy-email-code\n" + accountId + "\n" + issueId)} read as a number modulo 10^6, stored
 * as {@code HMAC(key, "legacy-email-code-hash\n" + accountId + "\n" + issueId + "\n" + code)}: six digits are too few for
 * a plain hash.
 */
@Component
public class PasswordSetupTokens implements SetupLinkTokens, LegacyEmailCodes {

    private static final Logger log = LoggerFactory.getLogger(PasswordSetupTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Domain separation when the key is derived from the JWT signing key. */
    private static final String DERIVATION_LABEL = "cps.account.password-token-key/v1";

    private final SecretKeySpec key;

    @Autowired
    PasswordSetupTokens(AccountSettings settings) {
        this(keyFrom(settings));
    }

    PasswordSetupTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the password-token key must have at least 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    @Override
    public String tokenFor(String accountId, String issueId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, accountId + "\n" + issueId));
    }

    @Override
    public String codeFor(String accountId, String issueId) {
        long value = ByteBuffer.wrap(hmac(key, "legacy-email-code\n" + accountId + "\n" + issueId))
                .getLong();
        return String.format("%06d", Long.remainderUnsigned(value, 1_000_000L));
    }

    @Override
    public String codeHash(String accountId, String issueId, String code) {
        return HexFormat.of()
                .formatHex(hmac(key, "legacy-email-code-hash\n" + accountId + "\n" + issueId + "\n" + code));
    }

    /** The stored form of a token: lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }

    private static byte[] keyFrom(AccountSettings settings) {
        String configured = settings.passwordTokenKey();
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (settings.privateKey() == null || settings.privateKey().isBlank()) {
            throw new IllegalStateException(
                    "cps.account.password-token-key (env CPS_ACCOUNT_PASSWORD_TOKEN_KEY) is not set");
        }
        // a key of its own is better (rotating the signing key then keeps outstanding links valid); this keeps a local
        // platform working with the secrets it already has, and is as secret as the signing key it comes from
        log.warn("cps.account.password-token-key is not set: deriving the password-setup key from the signing key");
        byte[] signingKey = Pem.privateKey(settings.privateKey()).getEncoded();
        return hmac(new SecretKeySpec(signingKey, ALGORITHM), DERIVATION_LABEL);
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
