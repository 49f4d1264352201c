package com.canon.cps.account.onboarding.messaging;

/**
 * Port: the secret token of a password-setup (or password-reset) link, derived from its non-secret issue. The internal
 * {@code PasswordSetupIssued} and {@code PasswordResetIssued} events carry only the issue id, so the event store never holds a usable token; the
 * publisher asks this port for the token when it writes the contract event (the one place notification-service can
 * get the link from). Implemented by the password feature, which also stores the token's hash.
 */
public interface SetupLinkTokens {

    /** The link token of issue {@code issueId} of account {@code accountId}; the same inputs always give the same token. */
    String tokenFor(String accountId, String issueId);
}
