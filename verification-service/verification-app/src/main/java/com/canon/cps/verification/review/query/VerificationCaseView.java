package com.canon.cps.verification.review.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case as the operators' queue shows it. */
@Document(VerificationCaseView.COLLECTION)
public record VerificationCaseView(
        @Id String caseId,
        String accountId,
        String companyName,
        String country,
        boolean vatLiable,
        String vatId,
        RegistryCheck registryCheck,
        List<DocumentRef> documents,
        Instant submittedAt,
        Instant deadline,
        String status) {

    public static final String COLLECTION = "verification_cases";

    public record RegistryCheck(String status, String consultationNumber, Instant checkedAt) {}

    public record DocumentRef(String documentId, String type) {}
}
