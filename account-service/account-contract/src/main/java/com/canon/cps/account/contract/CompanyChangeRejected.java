package com.canon.cps.account.contract;

import java.time.Instant;

/**
 * Verification refused a change of company name or VAT ID: the account keeps its details, and notification-service
 * tells the member why. Key and subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param changeId the request ({@link CompanyChangeRequested}) that was refused
 * @param companyName the company name that was asked for (and refused)
 * @param reason the operator's reason, told to the member
 */
public record CompanyChangeRejected(
        String accountId, String changeId, String companyName, String reason, Instant rejectedAt) {

    public static final String TYPE = "cps.account.CompanyChangeRejected.v1";
}
