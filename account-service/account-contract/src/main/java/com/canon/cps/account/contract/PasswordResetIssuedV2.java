package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member of an active account asked to reset a forgotten password: notification-service mails the reset link from
 * the do-not-reply sender. Only active accounts get one, at most one per few minutes (account-service's setting).
 *
 * <p>v2: the link token is sealed for notification-service ({@code sealedToken}), no longer in clear; v1 retired at
 * once (ADR 20). v1: first version.
 *
 * @param sealedToken the single-use link token (redeemed like the setup link at {@code POST /api/accounts/password}),
 *     sealed for notification-service as in {@link PasswordSetupIssuedV2}
 */
public record PasswordResetIssuedV2(
        String accountId, String contactEmail, String language, String sealedToken, Instant expiresAt) {

    public static final String TYPE = "cps.account.PasswordResetIssued.v2";
}
