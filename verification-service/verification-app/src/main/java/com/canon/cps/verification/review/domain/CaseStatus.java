package com.canon.cps.verification.review.domain;

public enum CaseStatus {
    OPEN,
    IN_REVIEW,
    INFO_REQUESTED,
    APPROVED,
    REJECTED
}
