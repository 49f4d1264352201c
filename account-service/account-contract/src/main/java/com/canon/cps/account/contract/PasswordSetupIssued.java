package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * A password-setup link was issued after verification: notification-service mails it from the do-not-reply sender.
 *
 * <p>v1: first version. {@code token} is the single-use link token; account-service stores only its hash, and the
 * token is not kept in its event store either (it is derived with a server-side key when published).
 */
public record PasswordSetupIssued(
        String accountId, String contactEmail, String language, String token, Instant expiresAt) {

    public static final String TYPE = "cps.account.PasswordSetupIssued.v1";
}
