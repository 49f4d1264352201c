package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * The Business Account exists: the application was verified. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code legacyCpsEmail} is the old CPS e-mail the applicant gave (null if none), which
 * product-service needs to offer the migration of previously registered products.
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
