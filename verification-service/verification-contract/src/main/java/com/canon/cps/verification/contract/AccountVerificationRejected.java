package com.canon.cps.verification.contract;

import java.time.Instant;

/** An operator rejected the application, with a reason the applicant is told. v1: first version. */
public record AccountVerificationRejected(String accountId, String caseId, String reason, Instant rejectedAt) {

    public static final String TYPE = "cps.verification.AccountVerificationRejected.v1";
}
