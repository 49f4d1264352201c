package com.canon.cps.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook signature scheme (https://docs.stripe.com/webhooks#verify-manually): {@code t=<time>,v1=<hex
 * HMAC-SHA256 of "t.payload" with the endpoint secret>}, within a tolerance of now.
 */
class StripeSignatureTest {

    static final String SECRET = "whsec_cps_recorded_exchanges";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final byte[] PAYLOAD =
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    static String header(long timestamp, byte[] payload, String secret) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(StripeSignature.sign(timestamp, payload, secret));
    }

    private static void verify(byte[] payload, String header) throws StripeSignature.Refused {
        StripeSignature.verify(payload, header, SECRET, TOLERANCE, NOW);
    }

    @Test
    void theSignatureOfTheSecret_isAccepted() {
        assertThatCode(() -> verify(PAYLOAD, header(NOW.getEpochSecond(), PAYLOAD, SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void aKnownVector_computedByHand_matches() throws Exception {
        // HMAC-SHA256(key "whsec_test", "1492774577.{}"), as Stripe's libraries compute it
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("whsec_test".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal("1492774577.{}".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(
                        StripeSignature.sign(1492774577L, "{}".getBytes(StandardCharsets.UTF_8), "whsec_test"))
                .isEqualTo(expected);
    }

    @Test
    void aForgedSignature_isRefused() {
        assertThatThrownBy(() -> verify(PAYLOAD, header(NOW.getEpochSecond(), PAYLOAD, "whsec_someone_else")))
                .isInstanceOf(StripeSignature.Refused.class)
                .hasMessage("no signature matches");
    }

    @Test
    void aChangedPayload_isRefused() {
        String header = header(NOW.getEpochSecond(), PAYLOAD, SECRET);
        byte[] changed =
                "{\"id\":\"evt_1\",\"type\":\"payment_intent.payment_failed\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verify(changed, header)).isInstanceOf(StripeSignature.Refused.class);
    }

    @Test
    void aTimeStampOutsideTheTolerance_isRefused_evenWhenSignedRightly() {
        long old = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();

        assertThatThrownBy(() -> verify(PAYLOAD, header(old, PAYLOAD, SECRET)))
                .hasMessage("time stamp outside the tolerance");
        assertThatThrownBy(() -> verify(PAYLOAD, header(future, PAYLOAD, SECRET)))
                .hasMessage("time stamp outside the tolerance");
        assertThatCode(() ->
                        verify(PAYLOAD, header(NOW.minus(Duration.ofMinutes(4)).getEpochSecond(), PAYLOAD, SECRET)))
                .doesNotThrowAnyException();
    }

    @Test
    void whileASecretIsRolled_oneMatchingV1Suffices() {
        long t = NOW.getEpochSecond();
        String header = header(t, PAYLOAD, "whsec_old") + ",v1="
                + HexFormat.of().formatHex(StripeSignature.sign(t, PAYLOAD, SECRET)) + ",v0=6ffbb59b2300aae63f2721";

        assertThatCode(() -> verify(PAYLOAD, header)).doesNotThrowAnyException();
    }

    @Test
    void aMissingOrIncompleteHeader_isRefused() {
        long t = NOW.getEpochSecond();
        assertThatThrownBy(() -> verify(PAYLOAD, null)).hasMessage("no Stripe-Signature header");
        assertThatThrownBy(() -> verify(PAYLOAD, "v1=abc")).hasMessage("no time stamp");
        assertThatThrownBy(() -> verify(PAYLOAD, "t=" + t)).hasMessage("no v1 signature");
        assertThatThrownBy(() -> verify(
                        PAYLOAD,
                        "t=" + t + ",v0=" + HexFormat.of().formatHex(StripeSignature.sign(t, PAYLOAD, SECRET))))
                .hasMessage("no v1 signature");
        assertThatThrownBy(() -> verify(PAYLOAD, "t=yesterday,v1=00")).hasMessage("a time stamp that is no number");
    }
}
