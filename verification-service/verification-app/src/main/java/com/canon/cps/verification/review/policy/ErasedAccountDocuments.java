package com.canon.cps.verification.review.policy;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.verification.document.EvidenceDocumentStore;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23): the evidence documents its cases refer to (the uploaded bytes) are
 * deleted with the references. The cases' events keep only the documents' ids and types.
 */
@Component
class ErasedAccountDocuments implements ErasureParticipant {

    private static final Logger log = LoggerFactory.getLogger(ErasedAccountDocuments.class);

    private final EvidenceDocumentStore documents;
    private final VerificationCaseQueries cases;

    ErasedAccountDocuments(EvidenceDocumentStore documents, VerificationCaseQueries cases) {
        this.documents = documents;
        this.cases = cases;
    }

    @Override
    public void erase(String accountId) {
        int deleted = documents.deleteOfCases(cases.caseIdsOf(accountId));
        log.info("Erasure of account {}: {} evidence document(s) deleted", accountId, deleted);
    }
}
