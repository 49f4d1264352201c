package com.canon.cps.verification.review.domain;

/**
 * Where a case stands. {@code OPEN}: the registry check of a VAT-liable application is still pending;
 * {@code IN_REVIEW}: waiting for an operator; {@code INFO_REQUESTED}: the operator asked the applicant for more;
 * {@code APPROVED} and {@code REJECTED} close the case for good; {@code ERASED}: the account was erased (GDPR Art. 17)
 * before the case was decided, which closes it for good without a decision.
 */
public enum CaseStatus {
    OPEN,
    IN_REVIEW,
    INFO_REQUESTED,
    APPROVED,
    REJECTED,
    ERASED;

    public boolean closed() {
        return this == APPROVED || this == REJECTED || this == ERASED;
    }
}
