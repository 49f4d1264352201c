package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * A password-setup link was issued after verification: notification-service mails it from the do-not-reply sender.
 *
 * <p>v2: the link token is sealed for notification-service ({@code sealedToken}), no longer in clear; v1 (with
 * {@code token} in clear) is retired without a deprecation period, as publishing it would keep the secret readable on
 * the topic (ADR 20). v1: first version.
 *
 * @param sealedToken the single-use link token sealed for notification-service:
 *     {@code s1.<keyId>.<base64url(nonce || ciphertext || tag)>}, AES-256-GCM under a key only account-service and
 *     notification-service hold; associated data {@code ce_type + "\n" + ce_id}, so it opens only in this event.
 *     account-service stores only the token's hash and keeps it out of its event store (derived when published).
 */
public record PasswordSetupIssuedV2(
        String accountId, String contactEmail, String language, String sealedToken, Instant expiresAt) {

    public static final String TYPE = "cps.account.PasswordSetupIssued.v2";
}
