package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * An operator refused a requested change of company name or VAT ID, with a reason the member is told; the account
 * keeps its details. Key and subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param changeId the account's change request
 */
public record CompanyChangeRejected(
        String accountId, String caseId, String changeId, String reason, Instant rejectedAt) {

    public static final String TYPE = "cps.verification.CompanyChangeRejected.v1";
}
