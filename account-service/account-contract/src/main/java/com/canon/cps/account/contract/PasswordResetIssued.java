package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member of an active account asked to reset a forgotten password: notification-service mails the reset link from
 * the do-not-reply sender. Only active accounts get one, at most one per few minutes (account-service's setting).
 *
 * <p>v1: first version. {@code token} is the single-use link token, redeemed like the setup link at
 * {@code POST /api/accounts/password}; account-service stores only its hash, and the token is not kept in its event
 * store either (it is derived with a server-side key when published).
 */
public record PasswordResetIssued(
        String accountId, String contactEmail, String language, String token, Instant expiresAt) {

    public static final String TYPE = "cps.account.PasswordResetIssued.v1";
}
