package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member asked to change the contact e-mail (which is also the login name): notification-service mails a
 * single-use confirmation link to the <em>new</em> address. The address changes only when the link is used
 * ({@link ContactEmailChanged}). Key and subject: {@code accountId}.
 *
 * <p>v2: the link token is sealed for notification-service ({@code sealedToken}), no longer in clear; v1 retired at
 * once (ADR 20). v1: first version.
 *
 * @param newContactEmail where the link goes; not yet the account's address
 * @param sealedToken the single-use link token, sealed for notification-service as in {@link PasswordSetupIssuedV2}
 */
public record ContactEmailConfirmationIssuedV2(
        String accountId, String newContactEmail, String language, String sealedToken, Instant expiresAt) {

    public static final String TYPE = "cps.account.ContactEmailConfirmationIssued.v2";
}
