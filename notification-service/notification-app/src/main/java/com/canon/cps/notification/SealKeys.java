package com.canon.cps.notification;

import com.canon.cps.platform.consuming.InboundEvent;
import com.canon.cps.platform.sealing.SealedSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys that open the secrets account-service and verification-service seal for notification-service (ADR 20): link
 * tokens and codes arrive as {@code s1.<keyId>.<...>}, AES-256-GCM, bound to the event's {@code ce_type} and
 * {@code ce_id}. {@code cps.notification.seal-keys.account} and {@code cps.notification.seal-keys.verification} (env
 * {@code CPS_NOTIFICATION_SEAL_KEYS_ACCOUNT}, {@code CPS_NOTIFICATION_SEAL_KEYS_VERIFICATION}) each list the sender's
 * current key and, during a rotation, its previous one (comma-separated Base64). Without them the service does not
 * start. A value that does not open (another event's, a key not held, tampered) fails the handler: the record is
 * retried, then dead-lettered, and no mail goes out.
 */
@Component
public class SealKeys {

    private final SealedSecrets account;
    private final SealedSecrets verification;

    SealKeys(
            @Value("${cps.notification.seal-keys.account:}") String account,
            @Value("${cps.notification.seal-keys.verification:}") String verification) {
        this.account = SealedSecrets.fromSetting(
                "cps.notification.seal-keys.account (env CPS_NOTIFICATION_SEAL_KEYS_ACCOUNT)", account);
        this.verification = SealedSecrets.fromSetting(
                "cps.notification.seal-keys.verification (env CPS_NOTIFICATION_SEAL_KEYS_VERIFICATION)", verification);
    }

    /** The secret account-service sealed into {@code event}. */
    public String fromAccount(InboundEvent<?> event, String sealed) {
        return account.open(sealed, SealedSecrets.eventContext(event.type(), event.id()));
    }

    /** The secret verification-service sealed into {@code event}. */
    public String fromVerification(InboundEvent<?> event, String sealed) {
        return verification.open(sealed, SealedSecrets.eventContext(event.type(), event.id()));
    }
}
