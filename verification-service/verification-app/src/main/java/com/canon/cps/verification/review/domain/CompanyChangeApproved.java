package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The change of company details is approved; the case is closed.
 *
 * @param evidence the registry's confirmation of the new VAT ID, when there is one
 * @param decidedBy the operator's subject; {@code null} when approved by the policy
 */
@Revision("1")
public record CompanyChangeApproved(
        String caseId,
        String accountId,
        String changeId,
        @PersonalData String companyName,
        @PersonalData String vatId,
        VerificationMethod method,
        RegistryEvidence evidence,
        String decidedBy,
        Instant approvedAt)
        implements VerificationEvent {}
