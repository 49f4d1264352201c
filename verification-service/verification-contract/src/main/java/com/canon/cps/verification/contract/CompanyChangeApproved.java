package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * A requested change of company name or VAT ID ({@code cps.account.CompanyChangeRequested}) is verified:
 * account-service applies it. Key and subject: {@code accountId}.
 *
 * <p>v1: first version.
 *
 * @param changeId the account's change request
 * @param method {@code REGISTRY_POLICY} (approved automatically because the registry confirmed the new VAT ID) or
 *     {@code OPERATOR}
 * @param vatId the VAT ID after the change, {@code null} if the business has none
 * @param registryEvidence present when a registry confirmed the new VAT ID
 */
public record CompanyChangeApproved(
        String accountId,
        String caseId,
        String changeId,
        String companyName,
        String vatId,
        String method,
        RegistryEvidence registryEvidence,
        Instant approvedAt) {

    public static final String TYPE = "cps.verification.CompanyChangeApproved.v1";
}
