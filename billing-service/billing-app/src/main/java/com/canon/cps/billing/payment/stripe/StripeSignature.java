package com.canon.cps.billing.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature ({@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=...][,v0=...]}): the HMAC-SHA256,
 * keyed with the endpoint's signing secret, of {@code <t>.<raw body>}. A delivery is accepted when one {@code v1}
 * matches (compared in constant time; several appear while a secret is rolled) and {@code t} is within the tolerance
 * of now (so a captured delivery cannot be replayed later). Other schemes ({@code v0}, test-mode) are ignored.
 */
final class StripeSignature {

    private StripeSignature() {}

    /** Why a delivery was refused. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static void verify(byte[] payload, String header, String secret, Duration tolerance, Instant now) throws Refused {
        if (header == null || header.isBlank()) {
            throw new Refused("no Stripe-Signature header");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = element.substring(0, eq).strip();
            String value = element.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Refused("a time stamp that is no number");
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null) {
            throw new Refused("no time stamp");
        }
        if (signatures.isEmpty()) {
            throw new Refused("no v1 signature");
        }
        byte[] expected =
                HexFormat.of().formatHex(sign(timestamp, payload, secret)).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        if (!matched) {
            throw new Refused("no signature matches");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new Refused("time stamp outside the tolerance");
        }
    }

    /** The v1 signature of {@code payload} at {@code timestamp} (also what tests sign with). */
    static byte[] sign(long timestamp, byte[] payload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
