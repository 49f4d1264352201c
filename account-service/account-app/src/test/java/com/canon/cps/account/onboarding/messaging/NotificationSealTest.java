package com.canon.cps.account.onboarding.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without its seal key account-service does not start (ADR 20): it never publishes a link token or code in clear. */
class NotificationSealTest {

    @Test
    void withoutAKey_theServiceRefusesToStart_namingTheSetting() {
        assertThatThrownBy(() -> new NotificationSeal(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "cps.account.notification-seal-key (env CPS_ACCOUNT_NOTIFICATION_SEAL_KEY) is not set");
    }
}
