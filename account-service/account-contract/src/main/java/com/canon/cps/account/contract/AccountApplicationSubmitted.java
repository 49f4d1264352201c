package com.canon.cps.account.contract;

import java.time.Instant;
import java.util.List;

/**
 * A business applied for a Business Account. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. Carries the contact name, e-mail and language so that notification-service can write to the
 * applicant; the old CPS e-mail itself stays in account-service (only whether one was given).
 */
public record AccountApplicationSubmitted(
        String accountId,
        String companyName,
        Address address,
        String country,
        String contactName,
        String contactEmail,
        String language,
        boolean vatLiable,
        String vatId,
        List<String> documentIds,
        boolean legacyCpsEmailProvided,
        Instant submittedAt) {

    public static final String TYPE = "cps.account.AccountApplicationSubmitted.v1";
}
