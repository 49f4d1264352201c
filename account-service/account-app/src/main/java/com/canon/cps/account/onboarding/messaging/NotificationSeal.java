package com.canon.cps.account.onboarding.messaging;

import com.canon.cps.platform.sealing.SealedSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key link tokens and codes are sealed with for notification-service (ADR 20):
 * {@code cps.account.notification-seal-key} (env {@code CPS_ACCOUNT_NOTIFICATION_SEAL_KEY}), Base64 of 32 random bytes,
 * held by account-service and notification-service only. Without it account-service does not start: it never publishes
 * a secret in clear. A comma-separated list seals with its first key (the others are ignored here; notification-service
 * keeps the previous one during a rotation).
 */
@Component
class NotificationSeal {

    static final String SETTING = "cps.account.notification-seal-key (env CPS_ACCOUNT_NOTIFICATION_SEAL_KEY)";

    private final SealedSecrets secrets;

    NotificationSeal(@Value("${cps.account.notification-seal-key:}") String keys) {
        this.secrets = SealedSecrets.fromSetting(SETTING, keys);
    }

    SealedSecrets secrets() {
        return secrets;
    }
}
