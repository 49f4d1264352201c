package com.canon.cps.verification.review.domain;

/** A decision on a case that is already approved or rejected: decisions are final. */
public class CaseClosedException extends RuntimeException {

    public CaseClosedException(String caseId, CaseStatus status) {
        super("Case " + caseId + " is already " + status);
    }
}
