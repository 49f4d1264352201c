package com.canon.cps.verification.review.domain;

import org.axonframework.serialization.Revision;

/** The first registry answer (or fault) came in and did not decide the case: it now waits for an operator. */
@Revision("1")
public record CaseQueuedForReview(String caseId, String accountId) implements VerificationEvent {}
