package com.canon.cps.verification.contract;

import java.time.Instant;

/** An operator needs more information from the applicant before deciding. v1: first version. */
public record VerificationInfoRequested(String accountId, String caseId, String reason, Instant requestedAt) {

    public static final String TYPE = "cps.verification.VerificationInfoRequested.v1";
}
