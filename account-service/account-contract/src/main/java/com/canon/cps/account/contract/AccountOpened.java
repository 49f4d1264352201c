package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The Business Account exists: the application was verified. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code legacyCpsEmail} is the old CPS e-mail the applicant gave (null if none), not yet
 * proven: the products registered under it may be migrated only after {@link LegacyEmailConfirmed} for the account.
 */
public record AccountOpened(
        String accountId,
        String companyName,
        String country,
        String language,
        String legacyCpsEmail,
        Instant openedAt) {

    public static final String TYPE = "cps.account.AccountOpened.v1";
}
