package com.canon.cps.account.application.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Verification refused the change {@code changeId}; the account keeps its details and the member is told why. */
@Revision("1")
public record CompanyChangeRejected(
        String accountId, String changeId, String caseId, String companyName, String reason, Instant rejectedAt)
        implements AccountEvent {}
