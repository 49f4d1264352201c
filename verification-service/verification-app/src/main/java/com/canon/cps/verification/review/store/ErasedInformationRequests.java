package com.canon.cps.verification.review.store;

import com.canon.cps.platform.privacy.ErasureParticipant;
import com.canon.cps.verification.review.query.VerificationCaseQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Erasure of an account (GDPR Art. 17, ADR 23): the links of its information requests go, with the operator's words
 * kept beside them; a link of an erased account is then unknown.
 */
@Component
class ErasedInformationRequests implements ErasureParticipant {

    private final JdbcTemplate jdbc;
    private final VerificationCaseQueries cases;

    ErasedInformationRequests(JdbcTemplate jdbc, VerificationCaseQueries cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Override
    public void erase(String accountId) {
        for (String caseId : cases.caseIdsOf(accountId)) {
            jdbc.update("DELETE FROM information_request WHERE case_id = ?", caseId);
        }
    }
}
