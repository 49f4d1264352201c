package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member asked to change the company name or VAT ID of an account ({@code changeId}): a case of kind
 * {@link CaseKind#CHANGE} reviews it. {@code companyName} and {@code vatId} are the details as they would be after the
 * change, the {@code previous} ones those the account has.
 */
@Revision("1")
public record ChangeCaseOpened(
        String caseId,
        String accountId,
        String changeId,
        @PersonalData String companyName,
        @PersonalData String vatId,
        @PersonalData String previousCompanyName,
        @PersonalData String previousVatId,
        boolean vatIdChanged,
        String country,
        Instant submittedAt,
        Instant deadline)
        implements VerificationEvent {

    /**
     * Whether the case waits for a registry answer before it reaches the operators' queue: only when the VAT ID
     * changes. A new name under the same VAT ID is for an operator to judge; a registry confirming the old VAT ID would
     * say nothing about it, so the approval policy never applies to it.
     */
    public boolean registryCheckRequired() {
        return vatIdChanged && vatId != null && !vatId.isBlank();
    }
}
