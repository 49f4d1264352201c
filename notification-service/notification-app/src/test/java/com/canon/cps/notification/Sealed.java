package com.canon.cps.notification;

import com.canon.cps.platform.sealing.SealedSecrets;
import com.canon.cps.platform.test.TestInfrastructure;

/** Secrets sealed as account-service and verification-service seal them for notification-service (ADR 20). */
final class Sealed {

    private static final SealedSecrets ACCOUNT =
            SealedSecrets.fromSetting("account-service's key", TestInfrastructure.ACCOUNT_SEAL_KEY);
    private static final SealedSecrets PREVIOUS_ACCOUNT =
            SealedSecrets.fromSetting("account-service's previous key", TestInfrastructure.PREVIOUS_ACCOUNT_SEAL_KEY);
    private static final SealedSecrets VERIFICATION =
            SealedSecrets.fromSetting("verification-service's key", TestInfrastructure.VERIFICATION_SEAL_KEY);

    private Sealed() {}

    /** {@code secret} sealed by account-service into the event {@code ceId} of type {@code ceType}. */
    static String byAccount(String secret, String ceType, String ceId) {
        return ACCOUNT.seal(secret, SealedSecrets.eventContext(ceType, ceId));
    }

    /** As {@link #byAccount}, with the key account-service used before a rotation. */
    static String byAccountWithPreviousKey(String secret, String ceType, String ceId) {
        return PREVIOUS_ACCOUNT.seal(secret, SealedSecrets.eventContext(ceType, ceId));
    }

    /** {@code secret} sealed by verification-service into the event {@code ceId} of type {@code ceType}. */
    static String byVerification(String secret, String ceType, String ceId) {
        return VERIFICATION.seal(secret, SealedSecrets.eventContext(ceType, ceId));
    }
}
