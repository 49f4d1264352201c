package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The member asked to change the contact e-mail (which is also the login name): notification-service mails a
 * single-use confirmation link to the <em>new</em> address. The address changes only when the link is used
 * ({@link ContactEmailChanged}). Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code token} is the link token (as for {@link PasswordSetupIssued}: account-service stores
 * only its hash and derives it with a server-side key when publishing, so no event store holds it).
 *
 * @param newContactEmail where the link goes; not yet the account's address
 */
public record ContactEmailConfirmationIssued(
        String accountId, String newContactEmail, String language, String token, Instant expiresAt) {

    public static final String TYPE = "cps.account.ContactEmailConfirmationIssued.v1";
}
