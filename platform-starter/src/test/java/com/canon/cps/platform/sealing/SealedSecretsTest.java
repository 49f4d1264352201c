package com.canon.cps.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SealedSecretsTest {

    private static final String SETTING = "cps.test.seal-key";

    private final String oldKey = SealedSecrets.generateKey();
    private final String newKey = SealedSecrets.generateKey();
    private final String context = SealedSecrets.eventContext(
            "cps.account.PasswordSetupIssued.v2", UUID.randomUUID().toString());

    @Test
    void opensWhatItSealedAndTheSealedValueDoesNotContainTheSecret() {
        SealedSecrets secrets = SealedSecrets.fromSetting(SETTING, newKey);
        String token = "q3Vb8kE1xYz0-7tNwR2mLpA5sD9fG4hJ6kL8zX1cV3b";

        String sealed = secrets.seal(token, context);

        assertThat(sealed).startsWith("s1." + secrets.sealingKeyId() + ".").doesNotContain(token);
        assertThat(secrets.seal(token, context)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(sealed, context)).isEqualTo(token);
    }

    @Test
    void aThreadsCipherServesEveryKeyAndModeInTurn_evenAfterAValueThatDidNotOpen() throws Exception {
        SealedSecrets first = SealedSecrets.fromSetting(SETTING, oldKey);
        SealedSecrets second = SealedSecrets.fromSetting(SETTING, newKey);
        Callable<Void> work = () -> {
            for (int i = 0; i < 200; i++) {
                String a = first.seal("a" + i, context);
                String b = second.seal("b" + i, context);
                assertThatThrownBy(() -> second.open(a.replace(first.sealingKeyId(), second.sealingKeyId()), context))
                        .isInstanceOf(SealedSecretException.class);
                assertThat(first.open(a, context)).isEqualTo("a" + i);
                assertThat(second.open(b, context)).isEqualTo("b" + i);
            }
            return null;
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : threads.invokeAll(List.of(work, work, work, work))) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aKeysIdStaysWhatItWas_soValuesSealedEarlierStillFindTheirKey() {
        // bytes 0..31; the id is the first 8 characters of URL-safe Base64 of SHA-256("cps-seal-key\n" + key)
        SealedSecrets secrets = SealedSecrets.fromSetting(SETTING, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

        assertThat(secrets.sealingKeyId()).isEqualTo("8A3BMl0K");
    }

    @Test
    void aValueSealedForAnotherEventDoesNotOpen() {
        SealedSecrets secrets = SealedSecrets.fromSetting(SETTING, newKey);
        String sealed = secrets.seal("123456", context);

        assertThatThrownBy(() -> secrets.open(
                        sealed,
                        SealedSecrets.eventContext(
                                "cps.account.PasswordSetupIssued.v2",
                                UUID.randomUUID().toString())))
                .isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("another event");
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        SealedSecrets secrets = SealedSecrets.fromSetting(SETTING, newKey);
        String sealed = secrets.seal("123456", context);
        String[] parts = sealed.split("\\.");
        byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
        bytes[bytes.length - 20] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> secrets.open(tampered, context)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void duringRotationTheReaderOpensValuesSealedWithTheOldAndTheNewKey() {
        SealedSecrets before = SealedSecrets.fromSetting(SETTING, oldKey);
        SealedSecrets after = SealedSecrets.fromSetting(SETTING, newKey);
        SealedSecrets reader = SealedSecrets.fromSetting(SETTING, newKey + "," + oldKey);
        SealedSecrets rotatedOut = SealedSecrets.fromSetting(SETTING, newKey);

        assertThat(reader.open(before.seal("old", context), context)).isEqualTo("old");
        assertThat(reader.open(after.seal("new", context), context)).isEqualTo("new");
        assertThatThrownBy(() -> rotatedOut.open(before.seal("old", context), context))
                .isInstanceOf(SealedSecretException.class)
                .hasMessageContaining(before.sealingKeyId())
                .hasMessageContaining(SETTING);
    }

    @Test
    void refusesAMissingOrWeakKeyWithTheSettingInTheMessage() {
        assertThatThrownBy(() -> SealedSecrets.fromSetting(SETTING, " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SETTING + " is not set");
        assertThatThrownBy(() ->
                        SealedSecrets.fromSetting(SETTING, Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("not 32");
        assertThatThrownBy(() -> SealedSecrets.fromSetting(SETTING, "not base64 !"))
                .hasMessageContaining("not Base64");
    }
}
