package com.canon.cps.verification.review.messaging;

import com.canon.cps.platform.sealing.SealedSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key the information request's link token is sealed with for notification-service (ADR 20):
 * {@code cps.verification.notification-seal-key} (env {@code CPS_VERIFICATION_NOTIFICATION_SEAL_KEY}), Base64 of 32
 * random bytes, held by verification-service and notification-service only. Without it verification-service does not
 * start: it never publishes a secret in clear. A comma-separated list seals with its first key.
 */
@Component
class NotificationSeal {

    private final SealedSecrets secrets;

    NotificationSeal(@Value("${cps.verification.notification-seal-key:}") String keys) {
        this.secrets = SealedSecrets.fromSetting(
                "cps.verification.notification-seal-key (env CPS_VERIFICATION_NOTIFICATION_SEAL_KEY)", keys);
    }

    SealedSecrets secrets() {
        return secrets;
    }
}
