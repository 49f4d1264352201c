package com.canon.cps.verification.review.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as the operators' queue shows it (docs/api.md, plus {@code decision}, {@code slaBreached}, the registry's fault
 * and next check, whether a referenced document is missing, and for a member's change of company details its kind
 * {@code CHANGE}, the change id and the details before the change).
 *
 * @param kind {@code APPLICATION} or {@code CHANGE}
 * @param companyName for a change: the name asked for
 * @param vatId for a change: the VAT ID asked for
 * @param informationProvidedAt when the applicant last answered an information request, if ever
 * @param erasedAt when the account was erased (GDPR Art. 17): its personal data then reads {@code "[erased]"}, and an
 *     undecided case is {@code ERASED}
 */
@Document(VerificationCaseView.COLLECTION)
public record VerificationCaseView(
        @Id String caseId,
        String kind,
        String changeId,
        String accountId,
        String companyName,
        String country,
        boolean vatLiable,
        String vatId,
        RegistryCheck registryCheck,
        List<DocumentRef> documents,
        Instant submittedAt,
        Instant deadline,
        String status,
        Decision decision,
        Boolean slaBreached,
        Instant slaBreachedAt,
        String previousCompanyName,
        String previousVatId,
        Instant informationProvidedAt,
        Instant erasedAt) {

    public static final String COLLECTION = "verification_cases";

    /** Cases written before kinds existed are applications. */
    public VerificationCaseView {
        kind = kind == null ? "APPLICATION" : kind;
    }

    /**
     * The registry's answer.
     *
     * @param status {@code VALID | INVALID | UNAVAILABLE | NOT_APPLICABLE}; {@code UNAVAILABLE} = unknown (no answer
     *     yet, or a fault)
     * @param fault the registry's fault code when unavailable after a check
     * @param nextCheckAt when the check is tried again, if it is
     */
    public record RegistryCheck(
            String status,
            String consultationNumber,
            Instant checkedAt,
            String registry,
            String fault,
            Instant nextCheckAt) {}

    /** @param missing no uploaded document has this id (type is then {@code null}) */
    public record DocumentRef(String documentId, String type, boolean missing) {}

    /**
     * The latest decision.
     *
     * @param outcome {@code APPROVED | REJECTED | INFO_REQUESTED}
     * @param method {@code OPERATOR | REGISTRY_POLICY} for approvals
     */
    public record Decision(String outcome, String method, String reason, String decidedBy, Instant decidedAt) {}
}
