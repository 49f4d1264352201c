package com.canon.cps.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.canon.cps.platform.sealing.SealedSecrets;
import org.junit.jupiter.api.Test;

/** Without the senders' seal keys notification-service does not start (ADR 20). */
class SealKeysTest {

    @Test
    void withoutTheKeys_theServiceRefusesToStart_namingTheSetting() {
        String key = SealedSecrets.generateKey();
        assertThatThrownBy(() -> new SealKeys("", key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "cps.notification.seal-keys.account (env CPS_NOTIFICATION_SEAL_KEYS_ACCOUNT) is not set");
        assertThatThrownBy(() -> new SealKeys(key, " "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "cps.notification.seal-keys.verification (env CPS_NOTIFICATION_SEAL_KEYS_VERIFICATION) is not set");
    }
}
