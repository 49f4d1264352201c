package com.canon.cps.platform.sealing;

import com.canon.cps.platform.hashing.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets sealed for their one reader (ADR 20): a link token or a code that a contract event must carry to
 * notification-service is put on the wire sealed with AES-256-GCM under a key that only the publishing service and
 * notification-service hold, never in clear.
 *
 * <p>Wire format: {@code s1.<keyId>.<base64url(nonce || ciphertext || tag)>} (no padding), a 12-byte random nonce, a
 * 128-bit tag. {@code keyId} is the first 8 characters of {@code base64url(SHA-256("cps-seal-key\n" || key))}: not
 * secret, it tells the reader which of its keys to use, so keys can rotate (the reader holds the old and the new key for
 * an overlap). The associated data is the event's identity ({@link #eventContext}: {@code ce_type} and {@code ce_id}), so
 * a sealed value moved into another event does not open.
 *
 * <p>Keys are configured as a comma-separated list of Base64 (standard or URL-safe) 32-byte keys; the first one seals,
 * every one opens. JDK only ({@code javax.crypto}).
 */
public final class SealedSecrets {

    /** The version of the wire format, its first part. */
    public static final String FORMAT = "s1";

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised anew for every value: {@code Cipher.getInstance} looks the provider up each
     * time, and personal data seals and opens one value per field (ADR 23).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final String setting;
    private final Key sealing;
    private final Map<String, Key> byId;

    private SealedSecrets(String setting, List<Key> keys) {
        this.setting = setting;
        this.sealing = keys.get(0);
        Map<String, Key> map = new LinkedHashMap<>();
        keys.forEach(key -> map.putIfAbsent(key.id(), key));
        this.byId = Map.copyOf(map);
    }

    /**
     * The keys of setting {@code setting} (named in every error, e.g. {@code cps.account.notification-seal-key (env
     * CPS_ACCOUNT_NOTIFICATION_SEAL_KEY)}): {@code keys} is a comma-separated list of Base64 32-byte keys, the first one
     * seals. Refuses a missing or malformed value: a service must not start without its key rather than publish in clear.
     */
    public static SealedSecrets fromSetting(String setting, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalStateException(
                    setting + " is not set: secrets for notification-service are sealed with it "
                            + "(AES-256-GCM) and never published in clear; give it a Base64 32-byte key, e.g. from "
                            + "`openssl rand -base64 32` (ADR 20)");
        }
        List<Key> parsed = new ArrayList<>();
        for (String part : keys.split(",")) {
            if (!part.isBlank()) {
                parsed.add(Key.parse(setting, part.strip()));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException(setting + " holds no key");
        }
        return new SealedSecrets(setting, parsed);
    }

    /** The associated data that binds a sealed value to one contract event. */
    public static String eventContext(String ceType, String ceId) {
        return Objects.requireNonNull(ceType, "ceType") + "\n" + Objects.requireNonNull(ceId, "ceId");
    }

    /** A new random key, Base64 (standard alphabet): for local mode and tests. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the sealing key (the first one configured), as it appears in sealed values. */
    public String sealingKeyId() {
        return sealing.id();
    }

    /** {@code secret} sealed under the first key, bound to {@code context}; a fresh nonce each time. */
    public String seal(String secret, String context) {
        Objects.requireNonNull(secret, "secret");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, sealing, nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return FORMAT + "." + sealing.id() + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret in {@code sealed}, if it was sealed for {@code context} under one of the configured keys.
     *
     * @throws SealedSecretException if the value is malformed, its key is unknown (rotated out, or another sender's) or
     *     it does not open (tampered, or sealed for another event)
     */
    public String open(String sealed, String context) {
        if (sealed == null) {
            throw new SealedSecretException("no sealed value");
        }
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new SealedSecretException("not a sealed value of format " + FORMAT);
        }
        Key key = byId.get(parts[1]);
        if (key == null) {
            throw new SealedSecretException("sealed with key " + parts[1] + ", which " + setting + " does not hold");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("sealed value is not base64url");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("sealed value too short");
        }
        try {
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, context);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("sealed value does not open: tampered, or sealed for another event");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, Key key, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private record Key(String id, SecretKeySpec spec) {

        static Key parse(String setting, String text) {
            byte[] bytes;
            try {
                bytes = text.contains("-") || text.contains("_")
                        ? Base64.getUrlDecoder().decode(text)
                        : Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + " holds a key that is not Base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException(setting + " holds a key of " + bytes.length + " bytes, not " + KEY_BYTES
                        + " (AES-256): make one with `openssl rand -base64 32`");
            }
            return new Key(id(bytes), new SecretKeySpec(bytes, "AES"));
        }

        private static String id(byte[] key) {
            byte[] prefix = "cps-seal-key\n".getBytes(StandardCharsets.UTF_8);
            byte[] input = Arrays.copyOf(prefix, prefix.length + key.length);
            System.arraycopy(key, 0, input, prefix.length, key.length);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Sha256.digest(input))
                    .substring(0, 8);
        }
    }
}
