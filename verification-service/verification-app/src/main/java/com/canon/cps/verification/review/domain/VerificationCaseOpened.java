package com.canon.cps.verification.review.domain;

import com.canon.cps.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A submitted application opened its case.
 *
 * <p>Revision 2: {@code documents} (id and evidence type) replaces revision 1's {@code documentIds}; stored revision-1
 * events are upcast with the type unknown.
 */
@Revision("2")
public record VerificationCaseOpened(
        String caseId,
        String accountId,
        @PersonalData String companyName,
        String country,
        boolean vatLiable,
        @PersonalData String vatId,
        List<EvidenceDocument> documents,
        Instant submittedAt,
        Instant deadline)
        implements VerificationEvent {

    /**
     * Whether the case waits for a registry answer before it reaches the operators' queue: only when a VAT ID was
     * given. A VAT-liable applicant may send an invoice showing the VAT ID instead (docs/domain.md §1); then there is nothing
     * to ask the registry, the case goes straight to an operator (who reads the VAT ID from the invoice) and the
     * approval policy never applies to it.
     */
    public boolean registryCheckRequired() {
        return vatLiable && vatId != null && !vatId.isBlank();
    }
}
