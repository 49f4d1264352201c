package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The case was still undecided at its SLA deadline. Raised at most once per case; the case stays open. */
@Revision("1")
public record VerificationSlaBreached(String caseId, String accountId, Instant deadline, Instant breachedAt)
        implements VerificationEvent {}
