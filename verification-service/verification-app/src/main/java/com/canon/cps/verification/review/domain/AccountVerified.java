package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The application is approved; the case is closed.
 *
 * @param evidence the registry's confirmation, when the registry confirmed the VAT ID; {@code null} otherwise
 * @param decidedBy the operator's subject; {@code null} when approved by the policy
 */
@Revision("1")
public record AccountVerified(
        String caseId,
        String accountId,
        VerificationMethod method,
        RegistryEvidence evidence,
        String decidedBy,
        Instant verifiedAt)
        implements VerificationEvent {}
