package com.canon.cps.verification.review.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without its seal key verification-service does not start (ADR 20): it never publishes a link token in clear. */
class NotificationSealTest {

    @Test
    void withoutAKey_theServiceRefusesToStart_namingTheSetting() {
        assertThatThrownBy(() -> new NotificationSeal(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "cps.verification.notification-seal-key (env CPS_VERIFICATION_NOTIFICATION_SEAL_KEY) is not set");
    }
}
