package com.canon.cps.verification.contract;

import java.time.Instant;

/**
 * The business behind an application is verified. Key and subject: {@code accountId}.
 *
 * <p>v1: first version. {@code method} is {@code REGISTRY_POLICY} (approved automatically because the registry
 * confirmed the VAT ID) or {@code OPERATOR}; {@code registryEvidence} is present when a registry confirmed the VAT ID.
 */
public record AccountVerified(
        String accountId, String caseId, String method, RegistryEvidence registryEvidence, Instant verifiedAt) {

    public static final String TYPE = "cps.verification.AccountVerified.v1";
}
