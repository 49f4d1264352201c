package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * Verification approved a change of company name or VAT ID: the account carries the new details from now on. Key and
 * subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param changeId the request ({@link CompanyChangeRequested}) this applies
 * @param vatId the VAT ID after the change, {@code null} if the business has none
 */
public record CompanyDetailsChanged(
        String accountId, String changeId, String companyName, String vatId, Instant changedAt) {

    public static final String TYPE = "cps.account.CompanyDetailsChanged.v1";
}
