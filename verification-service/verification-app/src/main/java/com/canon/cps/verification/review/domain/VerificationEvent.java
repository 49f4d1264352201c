package com.canon.cps.verification.review.domain;

/** Internal events of a verification case. */
public sealed interface VerificationEvent permits VerificationCaseOpened {
    String caseId();
}
