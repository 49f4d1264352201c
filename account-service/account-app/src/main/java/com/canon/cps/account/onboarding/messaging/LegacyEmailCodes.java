package com.canon.cps.account.onboarding.messaging;

/**
 * Port: the six-digit code that proves the old CPS e-mail, derived from its non-secret issue like the link tokens
 * ({@link SetupLinkTokens}), and the keyed hash under which it is stored. The internal {@code LegacyEmailCodeIssued}
 * event carries only the issue id; the publisher asks this port for the code when it writes the contract event for
 * notification-service. A keyed hash, not a plain one: a million possible codes are tried in no time against a plain
 * hash, not without the key. Implemented by the password feature, which holds the key.
 */
public interface LegacyEmailCodes {

    /** The code of issue {@code issueId} of account {@code accountId}: six digits; the same inputs give the same code. */
    String codeFor(String accountId, String issueId);

    /** The stored form of {@code code} presented for issue {@code issueId} (lower-case hex). */
    String codeHash(String accountId, String issueId, String code);
}
