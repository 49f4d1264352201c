package com.canon.cps.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.canon.cps.platform.test.QuietMachine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.function.BiFunction;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Sealing and opening one value as crypto-shredding does for every personal field (ADR 23): {@link SealedSecrets},
 * which keeps one AES-GCM cipher per thread and the key object per key, beside the same sealing with a cipher
 * from {@code Cipher.getInstance} and a new key object per value (how {@code SealedSecrets} did it before; the same
 * algorithm, nonce, tag, associated data and format). Each is warmed up once (not counted), then both run {@code
 * benchmark.rounds} (5) interleaved rounds of {@code benchmark.values} (20,000) seal-and-open pairs of a 40-character
 * value; the figure is the median. Not part of the build (the name matches neither {@code *Test} nor {@code *IT}):
 *
 * <pre>
 * ./mvnw -B -pl platform-test test -Dtest=SealedSecretsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jvm.flags=
 * </pre>
 */
class SealedSecretsBenchmark {

    private static final int VALUES = Integer.getInteger("benchmark.values", 20_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    private static final String VALUE = "Musterstraße 12, 10115 Berlin, Deutschland";
    private static final String CONTEXT = "acc-7f3e2a\nprofile";

    @Test
    void sealAndOpen() throws Exception {
        QuietMachine quiet = QuietMachine.afterSettling("sealed secrets");
        String key = SealedSecrets.generateKey();
        SealedSecrets ours = SealedSecrets.fromSetting("benchmark", key);
        PerValueCipher before = new PerValueCipher(Base64.getDecoder().decode(key), ours.sealingKeyId());
        assertThat(ours.open(before.seal(VALUE, CONTEXT), CONTEXT))
                .as("the same format")
                .isEqualTo(VALUE);
        assertThat(before.open(ours.seal(VALUE, CONTEXT), CONTEXT)).isEqualTo(VALUE);

        run(before::seal, before::open); // warm-up, not counted
        run(ours::seal, ours::open);
        double[] a = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            a[round] = run(before::seal, before::open);
            b[round] = run(ours::seal, ours::open);
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK round %d: a cipher per value %,.0f, ours %,.0f seal-and-open pairs/s%n",
                    round + 1,
                    a[round],
                    b[round]);
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK RESULT sealed secrets (%d rounds of %,d seal-and-open pairs, median pairs/s)%n"
                        + "| a cipher per value (before) | ours (a cipher per thread) | ours / before |%n"
                        + "|---|---|---|%n| %,.0f | %,.0f | %.2f × |%n%s%nload average after the runs %.2f%n",
                ROUNDS,
                VALUES,
                median(a),
                median(b),
                median(b) / median(a),
                quiet.line(),
                QuietMachine.read());
    }

    private static double run(BiFunction<String, String, String> seal, BiFunction<String, String, String> open) {
        long start = System.nanoTime();
        for (int i = 0; i < VALUES; i++) {
            String sealed = seal.apply(VALUE, CONTEXT);
            if (open.apply(sealed, CONTEXT).length() != VALUE.length()) {
                throw new AssertionError("did not open to the value");
            }
        }
        return VALUES / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {@code SealedSecrets} before: {@code Cipher.getInstance} and a new {@code SecretKeySpec} for every value. */
    private record PerValueCipher(byte[] key, String id) {

        private static final SecureRandom RANDOM = new SecureRandom();

        String seal(String secret, String context) {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            try {
                byte[] sealed =
                        cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(secret.getBytes(StandardCharsets.UTF_8));
                byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array();
                return SealedSecrets.FORMAT + "." + id + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String open(String sealed, String context) {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed.split("\\.", -1)[2]);
            try {
                byte[] plain = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, 12), context)
                        .doFinal(bytes, 12, bytes.length - 12);
                return new String(plain, StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher;
        }
    }
}
