package com.canon.cps.verification.review.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The case's account was erased (GDPR Art. 17, ADR 23): no decision, registry answer, information or SLA deadline acts
 * on the case any more. Raised once per case. The event itself holds no personal data.
 *
 * @param withdrawn the case was still undecided and is now closed without a decision ({@link CaseStatus#ERASED}); a
 *     decided case keeps its outcome
 */
@Revision("1")
public record VerificationCaseErased(String caseId, String accountId, boolean withdrawn, Instant erasedAt)
        implements VerificationEvent {}
